import { createTranslationRef } from '@backstage/core-plugin-api/alpha';

/**
 * The English texts of the admin pages, nested by page. What the backend
 * says (errors, statuses in data) and the previews of the mail and portal
 * pages it renders stay in its words.
 */
export const enrollmentMessages = {
  common: {
    estimatedTotal:
      'About {{total}} in all: above 10,000 the count is an estimate.',
    yes: 'Yes',
    no: 'No',
    cancel: 'Cancel',
    saving: 'Saving…',
    sending: 'Sending…',
    uploading: 'Uploading…',
    atMostCharacters: 'At most {{max}} characters.',
  },
  layout: {
    title: 'Enrollment',
    subtitle: 'Invite people to enroll their Macs into device management',
    tabs: {
      invitations: 'Invitations',
      computers: 'Computers',
      activity: 'Activity',
      accounts: 'Portal accounts',
      settings: 'Settings',
    },
  },
  filters: {
    site: 'Site',
    anySite: 'Any site',
  },
  errors: {
    tryAgain: 'Try again',
    details: 'Technical details',
    unreachable: {
      title: 'Can’t reach the enrollment service',
      detail: 'Check your connection, then try again.',
    },
    signedOut: {
      title: 'You are signed out',
      detail: 'Sign in to Backstage again, then try again.',
    },
    notAllowed: { title: 'You may not see this' },
    notFound: { title: 'Not found' },
    serverProblem: {
      title: 'The enrollment service hit a problem',
      detail:
        'Try again in a moment. If it keeps happening, tell the team that runs Backstage.',
    },
    refused: { title: 'The request was refused' },
  },
  invitationStatus: {
    pending: 'Pending',
    sent: 'Sent',
    active: 'Active',
    'partially-sent': 'Partially sent',
    failed: 'Failed',
    used: 'Used',
    expired: 'Expired',
    cancelled: 'Cancelled',
  },
  recipientsSummary: {
    linkOnly: 'Link only',
    more: '{{recipients}} +{{more}} more',
    moreOnly: '+{{more}} more',
  },
  invitations: {
    title: 'Enrollment Invitations',
    newInvitation: 'New invitation',
    support:
      'Send enrollment invitations and see which computers enrolled with each one.',
    emptyTitle: 'No enrollment invitations yet',
    emptyDescription:
      'Invitations you send appear here with their status and the computers enrolled with them.',
    noMatch: 'No invitations match these filters.',
    filters: {
      search: 'Search recipients',
      searchPlaceholder: 'Part of an email address',
      status: 'Status',
      anyStatus: 'Any status',
    },
    columns: {
      number: 'ID',
      status: 'Status',
      recipients: 'Recipients',
      expires: 'Expires',
      options: 'Options',
      timesUsed: 'Times used',
      enrolledComputers: 'Enrolled computers',
      site: 'Site',
      createdAt: 'Created',
    },
    options: {
      login: 'Login required',
      noLogin: 'No login',
      singleUse: 'One Mac per link',
      multipleUses: 'Multiple uses',
    },
  },
  deviceRules: {
    minimumOsVersion: 'Minimum macOS version',
    minimumOsVersionHelp: 'For example 13.0. Leave empty for any version.',
    badVersion: 'Type a macOS version such as 13.0 or 10.15.7.',
    allowedModels: 'Allowed models',
    allowedModelsHelp:
      'One per line or comma-separated: a model identifier (MacBookPro18,3), a family (MacBookPro) or a name (MacBook Pro). Leave empty for any model.',
    tooManyModels: 'At most {{max}} models.',
    summary: 'Device rules',
    none: 'Any Mac',
    needsVersion: 'Needs macOS {{version}} or later',
    models: 'Models: {{models}}',
    serialNumbers: 'Serial numbers',
    serialCount: 'Only the {{number}} listed Macs',
  },
  caCard: {
    title: 'Enrollment CA',
    subject: 'Subject',
    fingerprint: 'SHA-256 fingerprint',
    validUntil: 'Valid until',
  },
  invitationFields: {
    status: 'Status',
    recipients: 'Recipients',
    expires: 'Expires',
    requireLogin: 'Require login',
    multipleUses: 'Multiple uses',
    number: 'ID',
    timesUsed: 'Times used',
    timesUsedHelp: 'Macs that checked in with it',
    enrolledComputers: 'Enrolled computers',
    site: 'Site',
    noSite: 'No site',
    keepExistingSite: 'Keep existing site',
    subject: 'Subject',
    defaultSubject: 'The default subject',
    message: 'Message',
    none: 'None',
    createdBy: 'Created by',
    createdAt: 'Created at',
    cancelledAt: 'Cancelled at',
  },
  invitation: {
    headerTitle: 'Enrollment invitation',
    headerTitleNumber: 'Enrollment invitation {{number}}',
    headerType: 'Enrollment Invitations',
    title: 'Invitation',
    titleLinkOnly: 'Invitation {{number}}: link only',
    titleTo: 'Invitation {{number}} to {{recipients}}',
    link: {
      label: 'Show link',
      title: "The invitation's link",
      help: "Anyone with this link can start an enrollment with the invitation's settings. Share it only with the people who should enroll.",
      recipientLabel: 'Link',
      recipientTitle: 'The link of {{recipient}}',
      recipientHelp:
        'This is the link in their email. Give it to them another way if the email did not reach them.',
    },
    notLoaded: 'The invitation could not be loaded',
    viewInvitation: 'View invitation',
    detailsTitle: 'Details',
    linkOnlyRecipients: 'None: a link-only invitation',
    cancel: {
      label: 'Cancel invitation',
      question: 'Cancel this invitation?',
      explanation:
        'Its link stops working at once and mail not sent yet is not sent. Computers that already enrolled stay enrolled. This cannot be undone.',
      keep: 'Keep invitation',
    },
    delete: {
      label: 'Delete invitation',
      question: 'Delete this invitation?',
      explanation:
        'It disappears from the list with its recipients; its link stops working and mail not sent yet is not sent. Computers that enrolled with it stay enrolled, no longer linked to it. Its entries in the activity log stay. This cannot be undone.',
      keep: 'Keep invitation',
    },
    delivery: {
      sent: 'Sent',
      failed: 'Failed',
      sending: 'Sending',
      pending: 'Pending',
    },
    recipients: {
      title: 'Recipients',
      linkOnly:
        'This is a link-only invitation: it was not sent by email. Show link gives it again to those who may create invitations.',
      select: 'Select {{email}}',
      selectAll: 'Select all recipients',
      resendSelected: 'Resend to selected',
      resendSelectedCount: 'Resend to selected ({{selected}})',
      resendFailed: 'Resend to failed',
      resendFailedCount: 'Resend to failed ({{failed}})',
      resent_one: 'The invitation will be sent again to {{count}} recipient.',
      resent_other:
        'The invitation will be sent again to {{count}} recipients.',
      columns: {
        email: 'Email',
        state: 'State',
        attempts: 'Attempts',
        lastError: 'Last error',
        sentAt: 'Sent at',
        nextAttempt: 'Next attempt',
        enrolled: 'Enrolled a Mac',
        link: 'Link',
      },
    },
    activity: {
      title: 'Activity',
      latest: 'The latest {{shown}} of {{total}} events',
      empty: 'Nothing happened with this invitation yet.',
    },
    computers: {
      title: 'Enrolled computers',
      emptyTitle: 'No computer enrolled with this invitation yet',
      emptyDescription:
        "Computers appear here once someone enrolls a Mac with this invitation's link.",
    },
  },
  newInvitation: {
    title: 'New invitation',
    steps: {
      recipients: 'Recipients',
      options: 'Options',
      message: 'Message',
      review: 'Review',
    },
    notCreated: 'The invitation was not created: {{error}}',
    close: 'Close',
    back: 'Back',
    next: 'Next',
    send: 'Send',
    recipients: {
      label: 'Recipients',
      placeholder: 'jane@example.com, bob@example.com',
      help: 'Paste email addresses separated by commas, semicolons, spaces or new lines.',
      valid: '{{valid}} valid',
      duplicates_one: '{{count}} duplicate removed',
      duplicates_other: '{{count}} duplicates removed',
      linkOnly:
        'No recipients makes a link-only invitation: you share the link yourself.',
      tooMany:
        'An invitation can have at most {{max}} recipients; this one has {{valid}}. Split them over several invitations.',
      correct: 'Correct or remove these entries to go on:',
      invalidEntries: 'Invalid entries',
      notAnAddress: 'not an email address: {{entry}}',
      andMore: 'and {{more}} more',
    },
    options: {
      expiresOn: 'Expires on',
      expiresOnHelp: 'The link stops working at the end of this day (UTC).',
      requireLogin: 'Require login',
      requireLoginHelp:
        'People log in with their company account before they can enroll.',
      multipleUses: 'Allow multiple uses',
      multipleUsesHelp:
        'Several computers can enroll with the same link. When off, the link works once.',
      site: 'Site',
      siteHelp: 'Computers that enroll with this invitation join this site.',
      sitesNotLoaded:
        'Sites could not be loaded ({{error}}); the invitation gets no site.',
      keepSite: 'Re-enrolling computers keep their site',
      keepSiteHelp:
        'A computer that is already in a site stays there instead of joining the site above.',
      chooseSiteFirst: 'Choose a site to use this.',
      serialNumbers: 'Limit to serial numbers',
      serialNumbersHelp:
        'Paste serial numbers, one per line or separated by commas or spaces. Only these Macs can enroll with the invitation; leave empty for any Mac.',
      serialNumbersCount: 'Serial numbers: {{number}}',
      serialNumberInvalid:
        '“{{entry}}” is not a serial number: 8 to 14 letters and digits.',
      serialNumbersTooMany: 'At most {{max}} serial numbers.',
    },
    expiry: {
      missing: 'Choose an expiration date.',
      past: 'Choose a date in the future.',
      tooFar: 'Choose a date at most a year from today.',
    },
    message: {
      linkOnly:
        'This invitation has no recipients, so no email is sent. The subject and message are kept with the invitation.',
      subject: 'Subject',
      subjectPlaceholder: 'Enroll your Mac',
      subjectHelp: 'Optional.',
      message: 'Message',
      messageHelp: 'Optional. Shown above the link, as plain text.',
      preview: 'Preview',
      emailPreview: 'Email preview',
    },
    review: {
      linkOnly: 'None: a link-only invitation that you share yourself',
      recipients: '{{total}}: {{recipients}}',
      eachGets: 'Each recipient gets',
      linkGets: 'The link',
      ownLinkOneMac:
        'A link of their own that enrolls one Mac; one person using theirs never uses up another’s',
      ownLinkManyMacs:
        'A link of their own that enrolls any number of Macs until the invitation expires',
      sharedOneMac: 'Enrolls one Mac, then stops working',
      sharedManyMacs: 'Enrolls any number of Macs until the invitation expires',
      keepSite: 'Re-enrolling computers keep their site',
    },
    created: {
      linkOnly:
        'Invitation {{number}} was created. Share the link with the people who should enroll.',
      sent_one:
        'Invitation {{number}} was created and is being sent to {{count}} recipient.',
      sent_other:
        'Invitation {{number}} was created and is being sent to {{count}} recipients.',
      link: 'Enrollment link',
      copy: 'Copy',
      copied: 'Copied',
      copyFailed: 'Could not copy. Select the link and copy it yourself.',
      showAgain:
        "You can show this link again from the invitation's page (with the permission to create invitations).",
      ownLinks:
        "Each recipient gets a link of their own by email. This one is the invitation's own link, for you to share with someone else; the invitation's page shows it again.",
    },
  },
  computers: {
    title: 'Enrolled Computers',
    support:
      'The Macs enrolled into device management, with the person and site they belong to and when they last checked in.',
    notAllowed:
      'You need the enrollment.computer.read permission to see the enrolled computers.',
    emptyTitle: 'No computers have enrolled yet',
    emptyDescription:
      'Send an enrollment invitation: the Macs enrolled with its link appear here.',
    goToInvitations: 'Go to invitations',
    noMatch: 'No computers match these filters.',
    filters: {
      search: 'Search computers',
      searchPlaceholder: 'Name, serial number or user',
    },
    columns: {
      name: 'Name',
      serialNumber: 'Serial number',
      model: 'Model',
      osVersion: 'OS version',
      status: 'Status',
      user: 'User',
      location: 'Location',
      site: 'Site',
      enrolledAt: 'Enrolled at',
      lastSeen: 'Last seen',
      invitation: 'Invitation',
    },
  },
  computerStatus: {
    enrolling: 'Enrolling',
    enrolled: 'Enrolled',
    unenrolled: 'Unenrolled',
  },
  pushStatus: {
    none: 'No push token yet',
    active: 'Reachable',
    unregistered: 'Unregistered: Apple no longer knows its token',
    failing: 'Pushes failing',
  },
  commandStatus: {
    queued: 'queued',
    sent: 'sent',
    acknowledged: 'acknowledged',
    error: 'error',
    notnow: 'not now',
  },
  computer: {
    headerTitle: 'Enrolled computer',
    headerType: 'Enrolled Computers',
    title: 'Computer',
    unnamed: 'Unnamed Mac',
    notLoaded: 'The computer could not be loaded',
    inventory: {
      title: 'Inventory',
      name: 'Name',
      serialNumber: 'Serial number',
      model: 'Model',
      macOS: 'macOS',
      user: 'User',
      location: 'Location',
      position: 'Position',
      phone: 'Phone',
      site: 'Site',
      lastCheckIn: 'Last check-in',
      enrolledAt: 'Enrolled at',
      enrollmentStatus: 'Enrollment status',
      userApproved: 'User approved',
      push: 'Push',
      identity: 'Identity certificate',
      identityValue: 'Serial {{serial}}, expires {{expires}}',
      udid: 'UDID',
      invitation: 'Invitation',
      since: 'Since {{date}}',
      lastPush: 'Last push: {{date}}',
      never: 'never',
      lastError: 'Last error: {{error}}',
    },
    commands: {
      DeviceInformation: 'Update inventory',
      RestartDevice: 'Restart',
      DeviceLock: 'Lock',
      RemoveProfile: 'Remove from management',
    },
    actions: {
      title: 'Commands',
      intro:
        'Commands wait for the Mac: it is woken with a push and runs them when it checks in.',
      notAllowed:
        'You need the enrollment.computer.command permission to send commands to this Mac.',
      unenrolled:
        'This Mac is no longer enrolled, so it cannot receive commands. Its history stays below.',
      push: 'Send blank push',
      pushSent:
        'A blank push was sent: when the Mac is online, it checks in and fetches its queued commands.',
      pushFailed: 'The push was not sent: {{error}}',
      queued:
        '{{label}}: {{requestType}} is {{status}}. The Mac runs it when it checks in; its status below changes when it answers.',
      pinNote:
        'The PIN that unlocks it is {{pin}}: note it down, it is not shown again.',
      notQueued: '{{label}} was not queued: {{error}}',
      restartQuestion: 'Restart this Mac?',
      restartExplanation:
        'It restarts as soon as it receives the command. Work its user has not saved may be lost.',
      removeQuestion: 'Remove this Mac from management?',
      removeExplanation:
        'The Mac leaves management: it removes the management profile with the settings and certificates it installed, and no command reaches it any more. To manage it again, its user must enroll it anew.',
      keepManaged: 'Keep it managed',
    },
    lock: {
      title: 'Lock this Mac?',
      explanation:
        'The Mac locks as soon as it receives the command and restarts to a screen that asks for this PIN. Only the PIN unlocks it and it is not shown again here: note it down for the person who calls about it.',
      pin: 'PIN',
      pinHelp: 'Six digits.',
      pinProblem: 'The PIN must be exactly six digits.',
      message: 'Message',
      messageHelp:
        'Optional. Shown on the locked Mac, for example how to reach IT.',
      confirm: 'Lock',
    },
    history: {
      title: 'Command history',
      waiting: 'Refreshing every few seconds until the Mac answers.',
      empty: 'No commands were sent to this Mac yet.',
      notRefreshed: 'The history could not be refreshed: {{error}}',
      columns: {
        type: 'Type',
        status: 'Status',
        queued: 'Queued',
        sent: 'Sent',
        answered: 'Answered',
        error: 'Error',
      },
    },
  },
  events: {
    columns: {
      time: 'Time',
      category: 'Category',
      what: 'What',
      who: 'Who',
      invitation: 'Invitation',
    },
    category: {
      invitation: 'Invitation',
      portal: 'Portal',
      scep: 'SCEP',
      mdm: 'Check-in',
      admin: 'Admin change',
    },
  },
  activity: {
    title: 'Enrollment Activity',
    support:
      'Invitations sent, portal logins, certificates issued, Macs checking in and changes admins made, newest first.',
    notAllowed:
      'You need the enrollment.event.read permission to see the enrollment activity.',
    emptyTitle: 'No activity yet',
    emptyDescription:
      'Invitations sent, portal logins, Macs enrolling and changes to the settings appear here as they happen.',
    noMatch: 'No activity matches these filters.',
    filters: {
      search: 'Search activity',
      searchPlaceholder: 'Text in the message or who did it',
      category: 'Category',
      all: 'All',
    },
    categories: {
      invitation: 'Invitations',
      portal: 'Portal',
      scep: 'SCEP',
      mdm: 'Check-in',
      admin: 'Admin changes',
    },
  },
  accounts: {
    title: 'Portal Accounts',
    support:
      'Local accounts log in to the enrollment portal without a directory account. Accounts from app-config are managed there.',
    notAllowed:
      'You need the enrollment.portal-account.manage permission to manage portal accounts.',
    add: 'Add account',
    empty:
      'No portal accounts yet. People log in to the portal with their directory account.',
    disabled:
      '{{username}} is disabled and can no longer log in to the portal.',
    enabled: '{{username}} is enabled and can log in to the portal again.',
    added: 'The account {{username}} was added.',
    passwordChanged: 'The password of {{username}} was changed.',
    reenrollGranted:
      '{{username}} may now re-enroll any Mac, also while re-enrollment is restricted to authorized users.',
    reenrollWithdrawn:
      '{{username}} may no longer re-enroll Macs recorded as someone else’s.',
    reenrollAnyMacOf: 'Let {{username}} re-enroll any Mac',
    columns: {
      username: 'Username',
      source: 'Source',
      status: 'Status',
      reenrollAnyMac: 'May re-enroll any Mac',
      realName: 'Full name',
      email: 'Email',
      created: 'Created',
      updated: 'Updated',
      actions: 'Actions',
    },
    source: {
      config: 'Config',
      admin: 'Added here',
    },
    status: {
      disabled: 'Disabled',
      active: 'Active',
    },
    managedInConfig: 'Managed in app-config',
    enable: 'Enable',
    disable: 'Disable',
    enableAccount: 'Enable {{username}}',
    disableAccount: 'Disable {{username}}',
    resetPassword: 'Reset password',
    resetPasswordOf: 'Reset password of {{username}}',
    editPerson: 'Edit person',
    editPersonOf: 'Edit the person of {{username}}',
    personChanged:
      'Macs that {{username}} enrolls from now on are recorded as this person’s.',
    personCleared: '{{username}} no longer stands for a person.',
    addDialog: {
      title: 'Add portal account',
      intro:
        'A local account logs in to the enrollment portal without a directory account, for example for IT staff who set up Macs for others.',
      submit: 'Add account',
      busy: 'Adding…',
      failed: 'The account was not added: {{error}}',
      username: 'Username',
      usernameHelp: 'Letters, digits and . _ @ - ; at most {{max}} characters.',
      realName: 'Full name (optional)',
      email: 'Email (optional)',
      personHelp:
        'Give the person this account is for, and the Macs it enrolls are recorded as theirs. Leave both empty for an account that enrolls Macs for others.',
      emailProblem: 'Enter an email address such as alice@example.com.',
      password: 'Password',
    },
    personDialog: {
      title: 'The person {{username}} stands for',
      intro:
        'Macs this account enrolls from now on are recorded as this person’s, and appear under their User in the catalog. Macs it enrolled before keep the user they were recorded with. Clear both fields for an account that enrolls Macs for others.',
      submit: 'Save person',
      failed: 'The person was not changed: {{error}}',
    },
    resetDialog: {
      title: 'Reset the password of {{username}}',
      intro:
        'The old password stops working at once. Give the new one to the people who use this account.',
      submit: 'Set password',
      failed: 'The password was not changed: {{error}}',
      password: 'New password',
    },
    password: {
      help: 'At least {{min}} characters.',
      confirm: 'Confirm password',
      tooShort: 'Use at least {{min}} characters.',
      mismatch: 'The passwords do not match.',
    },
    usernameCharacters: 'Use letters, digits and . _ @ - only.',
  },
  settings: {
    title: 'Enrollment Settings',
    support:
      'What people see on the enrollment portal, who may enroll, and the sites computers belong to.',
    notAllowed:
      'You need the enrollment.settings.read permission to see the enrollment settings.',
    notLoaded: 'The settings could not be loaded',
    readOnly:
      'You can see these settings but not change them: that needs the enrollment.settings.update permission.',
    notSavedProblems: 'Not saved. {{problems}}',
    saved: 'The settings were saved.',
    notSaved: 'The settings were not saved: {{error}}',
    problems: {
      eulaMissing:
        'The license agreement is turned on but has no text. Enter its text or turn it off.',
      organizationName:
        'The organization name has more than {{max}} characters.',
      supportContact: 'The support contact has more than {{max}} characters.',
      stepText: 'A step text has more than {{max}} characters.',
      eulaText: 'The license agreement has more than {{max}} characters.',
    },
    saveBar: {
      dirty: 'You have unsaved changes.',
      clean: 'No unsaved changes.',
      discard: 'Discard changes',
      save: 'Save',
    },
    portal: {
      title: 'Portal',
      enabled: 'Portal enabled',
      enabledHelp: 'When off, the portal only says that enrollment is closed.',
      skipCertificate: 'Skip certificate installation',
      skipCertificateHelp:
        'Offer only the management profile, without the step that installs the CA certificate.',
      organizationName: 'Organization name',
      organizationNamePlaceholder: 'the configured organization',
      organizationNameHelp:
        'Shown on the portal and in invitation mail. Leave it empty to use the configured organization.',
      supportContact: 'Support contact',
      supportContactPlaceholder: 'it@example.com or +1 555 0100',
      supportContactHelp: 'How people reach IT. Shown on every portal page.',
    },
    reenrollment: {
      title: 'Re-enrollment',
      label: 'Let enrolled Macs enroll again',
      help: 'For example after its profile was removed. When off, a Mac that is already enrolled cannot enroll again.',
      restrictLabel: 'Restrict re-enrollment to authorized users',
      restrictHelp:
        'A Mac already known here enrolls again only for the person recorded as its user, a portal account allowed to re-enroll any Mac (set on Portal accounts) or a member of the groups below. Others see the profile installation fail.',
      groups: 'Directory groups that may re-enroll any Mac',
      addGroup: 'Add a group that may re-enroll any Mac',
      groupsNone:
        'No groups: no directory user may re-enroll someone else’s Mac.',
      groupsHelp:
        'Read from the directory when the Mac enrolls (enrollment.ldap.groups must be configured) and compared with the names exactly.',
      clearCommands: {
        label: 'Command history to clear',
        nothing: 'Nothing',
        errors: 'Failed commands',
        'all-but-acknowledged': 'All but acknowledged commands',
        everything: 'Everything',
        help: 'Commands still waiting are ended either way: the Mac starts its queue over.',
      },
      clearInventoryLabel: 'Clear inventory history',
      clearInventoryHelp:
        'Deletes the stored answers to inventory queries such as DeviceInformation.',
      clearUserLabel: 'Clear user and location',
      clearUserHelp:
        'When off, a re-enrollment that names no user keeps the Mac’s user and location.',
    },
    texts: {
      title: 'Texts shown on each portal step',
      intro: 'Shown as plain text. The portal joins lines into one paragraph.',
      preview: 'Preview',
      portalPreview: 'Portal preview',
      certificateSkipped:
        'The certificate step is skipped, as set under Portal.',
      pages: {
        login: 'Login',
        download: 'Downloads',
        'download-legacy': 'Downloads on older Macs',
      },
      steps: {
        welcome: { label: 'Welcome', help: 'Above the login form.' },
        login: {
          label: 'Login',
          help: 'In the login form, above the username.',
        },
        certificate: {
          label: 'Certificate',
          help: 'With the download of the CA certificate.',
        },
        profile: {
          label: 'Profile',
          help: 'With the download of the management profile.',
        },
        quickadd: {
          label: 'QuickAdd',
          help: 'Older Macs get an enrollment package (QuickAdd) instead of the profile.',
        },
      },
    },
    languages: {
      title: 'Portal languages',
      intro:
        'The portal answers in the language a browser asks for (Accept-Language) when you have given texts in it; any text left empty is shown in English. Under English, change the default wording.',
      language: 'Language',
      english: 'English (the default)',
      remove: 'Remove {{language}}',
      newLabel: 'Add a language',
      newHelp: 'A language tag: fr, de, de-CH, pt-BR…',
      add: 'Add',
      invalidTag: 'Not a language tag: use fr, de-CH, pt-BR…',
      exists: 'This language is already in the list.',
      englishIs: 'In English: {{english}}',
      stepText:
        'Edit the English text under "Texts shown on each portal step".',
      groups: {
        frame: 'Every page (header, footer, help, log out)',
        login: 'Login and choosing the person',
        steps: 'License agreement and site',
        downloads: 'Downloads and install steps',
        done: 'Enrolled',
        problems: 'Problems and other devices',
      },
    },
    eula: {
      title: 'End-user license agreement',
      label: 'Ask people to accept a license agreement',
      help: 'People must accept it before they can download anything.',
      text: 'Agreement text',
      textHelp: 'Shown as plain text, with its line breaks.',
      missing: 'Enter the agreement, or turn it off.',
    },
    directory: {
      title: 'Directory',
      intro:
        'Only members of these LDAP groups may log in to enroll. Leave the list empty to let every directory user enroll. Local portal accounts are not affected.',
      groups: 'Allowed groups',
      none: 'No groups: every directory user may enroll.',
      remove: 'Remove {{group}}',
      add: 'Add a group',
      addHelp: 'Type a group name as the directory spells it and press Enter.',
      duplicate: '{{name}} is already in the list.',
      nameTooLong: 'A group name has at most {{max}} characters.',
      tooMany: 'At most {{max}} groups.',
    },
    sites: {
      title: 'Sites',
      intro:
        'Invitations and enrolled computers can belong to a site. Adding, renaming and deleting sites takes effect at once. A site still used by invitations or computers cannot be deleted.',
      notLoaded: 'The sites could not be loaded: {{error}}',
      none: 'No sites yet.',
      list: 'Sites',
      newSite: 'New site',
      add: 'Add site',
      allowChoice: 'Let people choose a site when the invitation names none',
      allowChoiceHelp: 'The portal then asks which site the Mac belongs to.',
      newName: 'New name for {{name}}',
      renameHelp: 'Press Enter to save, Escape to cancel.',
      saveName: 'Save the name of {{name}}',
      cancelRename: 'Cancel renaming {{name}}',
      rename: 'Rename {{name}}',
      delete: 'Delete {{name}}',
    },
    mail: {
      title: 'Mail',
      intro:
        'Send a test message through the mail server that sends invitations.',
      notAllowed:
        'Sending a test email needs the enrollment.settings.update permission.',
      to: 'Send a test email to',
      send: 'Send test email',
      accepted:
        'The mail server accepted the message for {{address}}. Message id: {{messageId}}',
    },
    noFileChosen: 'No file chosen',
    push: {
      title: 'Push certificate',
      intro:
        'The Apple Push Notification service certificate the server wakes Macs with, so they fetch their commands. Changes here take effect at once.',
      notRead: 'The push certificate could not be read: {{error}}',
      notConfigured:
        "No push certificate is configured. Without it, Macs cannot be reached: they are never woken to fetch their commands. Create one with your organization's Apple ID at Apple's Push Certificates Portal (identity.apple.com) and upload it here.",
      expired:
        "The push certificate expired on {{expiry}}. Macs cannot be reached until you renew it with the same Apple ID at Apple's Push Certificates Portal and {{replace}}.",
      expiresSoon:
        "The push certificate expires on {{expiry}}; after that, Macs cannot be reached. Renew it with the same Apple ID at Apple's Push Certificates Portal and {{replace}}: a certificate from another Apple ID has another topic, and every Mac would have to enroll again.",
      replaceInConfig: 'put the renewed one in app-config (enrollment.apns)',
      replaceHere: 'upload the renewed one here',
      source: 'Source',
      sourceConfig: 'app-config (enrollment.apns)',
      sourceUpload: 'Uploaded here',
      topic: 'Topic',
      subject: 'Subject',
      serialNumber: 'Serial number',
      expires: 'Expires',
      managedInConfig:
        'This certificate is managed in app-config (enrollment.apns): change it there. A certificate uploaded here would not be used.',
      uploadNotAllowed:
        'Uploading a certificate needs the enrollment.settings.update permission.',
      remove: 'Remove certificate',
      removeQuestion: 'Remove the uploaded push certificate?',
      removeExplanation:
        'Macs cannot be reached until another certificate is uploaded. To renew it, upload the renewed certificate instead: it replaces this one and Macs keep working.',
      keep: 'Keep certificate',
      format: 'Certificate format',
      p12: '.p12 file with its password',
      pem: '.pem certificate and private key',
      chooseP12: 'Choose .p12 file',
      password: 'Password',
      passwordHelp:
        'The password the .p12 was exported with; empty if it has none.',
      chooseCertificate: 'Choose certificate (.pem)',
      chooseKey: 'Choose private key (.pem)',
      upload: 'Upload certificate',
      uploaded: 'The push certificate was uploaded. Its topic is {{topic}}.',
      notUploaded: 'The certificate was not uploaded: {{error}}',
    },
    profileSigning: {
      title: 'Profile signing',
      intro:
        'The certificate that signs the enrollment profiles. With a signing certificate from a publicly trusted certificate authority (S/MIME or code signing), macOS shows the profile as Verified; with our own CA it shows as not verified until the CA is trusted. Changes here take effect at once.',
      notRead: 'The profile signing certificate could not be read: {{error}}',
      source: 'Signed by',
      sourceConfig: 'app-config (enrollment.profileSigning)',
      sourceUpload: 'Uploaded certificate',
      sourceCa: 'Our CA (default)',
      subject: 'Subject',
      issuer: 'Issuer',
      expires: 'Expires',
      chain: 'Certificates in the profile',
      expired:
        'The signing certificate expired on {{expiry}}: macOS shows profiles as not verified. Upload a renewed certificate or use our CA again.',
      managedInConfig:
        'This certificate is managed in app-config (enrollment.profileSigning): change it there. A certificate uploaded here would not be used.',
      uploadNotAllowed:
        'Changing the signing certificate needs the enrollment.settings.update permission.',
      useCa: 'Use our CA again',
      useCaQuestion: 'Sign profiles with our CA again?',
      useCaExplanation:
        'The uploaded certificate is removed. Profiles downloaded from now on are signed by our own CA, and macOS shows them as not verified.',
      keep: 'Keep certificate',
      chooseP12: 'Choose signing .p12 file',
      password: 'Signing .p12 password',
      passwordHelp:
        'The password the .p12 was exported with. The .p12 holds the signing certificate, its intermediates and its RSA private key.',
      upload: 'Upload signing certificate',
      uploaded: 'Profiles are now signed by {{subject}}.',
      notUploaded: 'The signing certificate was not uploaded: {{error}}',
    },
    agent: {
      title: 'Agent package',
      intro:
        'The package installed on every Mac once it enrolls (macOS 10.13.6 or later). Changes here take effect at once.',
      notRead: 'The agent package could not be read: {{error}}',
      none: 'No agent package: Macs enroll without a management agent.',
      unsigned:
        'This package is not signed. macOS installs only signed packages sent by device management, so Macs will not install it: sign it with a Developer ID Installer certificate (productsign) and upload it again.',
      notAllowed:
        'Changing the agent package needs the enrollment.settings.update permission.',
      remove: 'Remove package',
      removeQuestion: 'Remove the agent package?',
      removeExplanation:
        'Macs that enroll from now on get no agent installed. Macs that already installed it keep it.',
      keep: 'Keep package',
      fields: {
        source: 'Source',
        sourceUrl: 'Downloaded by Macs from its URL',
        sourceUpload: 'Uploaded here',
        url: 'URL',
        title: 'Title',
        bundleId: 'Bundle id',
        version: 'Version',
        fileName: 'File name',
        size: 'Size',
        sha256: 'SHA-256',
        signature: 'Signature',
        signed: 'Signed',
        notSigned: 'Not signed',
        updated: 'Updated',
      },
      choose: 'Choose .pkg file',
      wrongFile: 'Choose a package: its name ends in .pkg.',
      upload: 'Upload package',
      uploaded:
        '{{fileName}} was uploaded: Macs that enroll from now on install it.',
      notUploaded: 'The package was not uploaded: {{error}}',
      url: 'Or download it from',
      urlPlaceholder: 'https://downloads.example.com/agent.pkg',
      urlHelp:
        'The server downloads it once to read it; Macs then download it from there.',
      urlProblem:
        'Enter an https URL, for example https://downloads.example.com/agent.pkg.',
      useUrl: 'Use URL',
      urlSaved:
        'The package was read from the URL: Macs that enroll from now on download it from there.',
      urlNotSaved: 'The URL was not saved: {{error}}',
    },
  },
  entityCards: {
    macs: {
      title: 'Macs',
      empty: 'No Macs enrolled',
      notAllowed: "You can't see this person's Macs",
    },
    mac: {
      title: 'Enrolled Mac',
      notFound:
        'The enrollment service has no computer for this Mac any more: it may have been removed.',
      notAllowed: "You can't see this Mac's enrollment",
      openInEnrollment: 'Open in Enrollment',
      never: 'Never',
    },
  },
} as const;

/**
 * The texts of the enrollment admin pages, for apps to translate or
 * override with `createTranslationMessages` / `createTranslationResource`.
 *
 * @alpha
 */
export const enrollmentTranslationRef = createTranslationRef({
  id: 'enrollment',
  messages: enrollmentMessages,
});
