/**
 * Every text of the enrollment portal, with its English wording. Admins
 * override any of them per language in Settings (`translations`); a text a
 * language leaves out is shown in English. `{name}` marks a value the
 * portal fills in; a text of several steps has one step per line.
 *
 * @public
 */
export const PORTAL_TEXT_DEFAULTS = {
  'frame.header': 'Device enrollment',
  'frame.footer': '{organization} IT',
  'frame.support': 'Need help? Contact {contact}.',
  'frame.loggedInAs': 'Logged in as {name}',
  'frame.logout': 'Log out',

  'login.title': 'Log in to enroll your Mac',
  'login.heading': 'Enroll your Mac',
  'login.welcome':
    'Enroll your Mac to get the apps, settings and access you need for work.',
  'login.intro': 'Log in with your company account.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.missing': 'Enter your username and password.',
  'login.wrong': 'The username or password is incorrect.',
  'login.throttled':
    'Too many failed attempts. Wait {minutes} minute(s) and try again.',

  'chooseUser.heading': 'Who is this Mac for?',
  'chooseUser.intro':
    'You logged in with a local enrollment account. Find the person who will use this Mac, so it is registered to them.',
  'chooseUser.search': 'Name, username or email',
  'chooseUser.searchButton': 'Search',
  'chooseUser.noMatch': 'No one matches “{query}”.',
  'chooseUser.submit': 'This is the person',
  'chooseUser.pick': 'Choose the person from the search results.',

  'eula.heading': 'License agreement',
  'eula.accept': 'I accept',

  'site.title': 'Choose your site',
  'site.heading': 'Where do you work?',
  'site.label': 'Site',
  'site.choose': 'Choose…',
  'site.submit': 'Continue',

  'downloads.title': 'Install',
  'downloads.heading': 'Almost done',
  'downloads.registeredTo': 'This Mac will be registered to {name}.',
  'downloads.autostart':
    'Your download starts now. If it does not, click the button below.',
  'downloads.otherBrowser':
    'You are using {browser}. Safari hands the downloaded profile to System Settings by itself; in {browser}, open the profile from your Downloads folder first, or open this page in Safari.',
  'downloads.waiting': 'This page changes by itself once your Mac is enrolled.',
  'certificate.heading': 'Install the certificate',
  'certificate.text':
    'First install the certificate that lets your Mac trust our device management.',
  'certificate.steps':
    'Download the certificate.\nOpen it: Keychain Access asks where to add it; choose “System”. On macOS 11 and later, open System Settings › Privacy & Security (or System Preferences › Profiles) if asked.\nCome back here.',
  'certificate.button': 'Download the certificate',
  'profile.heading': 'Install the management profile',
  'profile.text':
    'The management profile lets IT keep your Mac secure and set up for work.',
  'profile.steps':
    'Download the profile.\nOpen where macOS keeps it: on macOS 15, System Settings › General › Device Management; on macOS 13 and 14, System Settings › Privacy & Security › Profiles; on macOS 11 and 12, System Preferences › Profiles; on macOS 10.13 to 10.15, double-click the downloaded file.\nDouble-click the profile, click Install, and enter your Mac password when macOS asks.\nCome back here: this page says when your Mac is enrolled.',
  'profile.button': 'Download the profile',
  'quickadd.heading': 'Install the enrollment package',
  'quickadd.text':
    'Download the enrollment package and open it. The installer walks you through the rest.',
  'quickadd.steps':
    'Download the package.\nIn your Downloads folder, Control-click the package and choose Open. If macOS says it is from an unidentified developer, choose Open again.\nFollow the installer and enter your Mac’s administrator password when it asks.\nCome back here when it says the installation was successful.',
  'quickadd.button': 'Download the package',

  'requirements.os': 'This invitation needs macOS {version} or later.',
  'requirements.models': 'This invitation needs a {models}.',
  'requirements.osAndModels':
    'This invitation needs macOS {version} or later on a {models}.',
  'requirements.or': 'or',
  'requirements.serials':
    'This invitation works only on the Macs IT listed by serial number.',

  'refused.title': 'This Mac cannot be enrolled',
  'refused.serial':
    'This Mac (serial number {serial}) is not one of the Macs IT listed for this invitation.',
  'refused.os':
    'This Mac runs macOS {version}, and this invitation needs macOS {minimum} or later.',
  'refused.model':
    'This Mac ({model}) is not one of the Macs this invitation is for: {models}.',
  'refused.next':
    'Nothing was installed on this Mac. Update macOS or use one of the Macs named above, then log out below and open your invitation link again. If this Mac should be allowed, ask IT.',

  'enrolled.heading': 'Your Mac is enrolled',
  'enrolled.text':
    '{organization} now manages this Mac. It receives the apps and settings you need for work over the next minutes.',
  'enrolled.close': 'You can close this page.',

  'unsupported.title': 'This page is for Macs',
  'unsupported.detail':
    'You opened the enrollment page on {device}. This portal enrolls Macs only.',
  'unsupported.next':
    'Open the same link in Safari on the Mac you want to enroll.',
  'device.iphone': 'an iPhone',
  'device.ipad': 'an iPad',
  'device.android': 'an Android device',
  'device.windows': 'a Windows PC',
  'device.linux': 'a Linux computer',
  'device.chromeos': 'a Chromebook',
  'device.unknown': 'a device we do not recognize',

  'problem.backToPortal': 'Back to the enrollment page',
  'problem.startAgain': 'Go back to the enrollment page and try again.',
  'problem.closed.title': 'Enrollment is closed',
  'problem.closed.detail':
    '{organization} is not enrolling Macs through this page right now.',
  'problem.closed.next': 'Ask IT how to enroll your Mac.',
  'problem.invitationNotFound.title': 'This link does not work',
  'problem.invitationNotFound.detail':
    'We could not find this enrollment invitation. The link may be incomplete: open it again from the email, or copy the whole address.',
  'problem.invitationNotFound.next':
    'If it still does not work, ask IT for a new invitation.',
  'problem.invitationUnusable.title': 'This invitation cannot be used',
  'problem.invitationGone.detail':
    'This invitation no longer exists. Ask IT for a new one.',
  'problem.invitationExpired.detail':
    'This invitation expired on {date}. Ask IT for a new one.',
  'problem.invitationCancelled.detail':
    'This invitation was cancelled. Ask IT for a new one if you still need to enroll.',
  'problem.invitationUsed.detail':
    'This link has already been used to enroll a Mac. Ask IT for a new one.',
  'problem.invitationInUse.title': 'This invitation is in use',
  'problem.invitationInUse.detail':
    'Someone is enrolling a Mac with this link right now, and it works for one Mac only.',
  'problem.invitationInUse.next':
    'If that is not you, ask IT for a link of your own. If it was you in another browser, finish there.',
  'problem.sessionExpired.title': 'Your session expired',
  'problem.sessionExpired.detail':
    'This page was open too long or came from somewhere else, so we did not accept it.',
  'problem.downloadExpired.title': 'This download link has expired',
  'problem.downloadExpired.detail':
    'Download links work for a few minutes, in the browser that opened the enrollment page.',
  'problem.downloadExpired.next':
    'Go back to the enrollment page to get a new link.',
  'problem.notSetUp.title': 'Enrollment is not set up yet',
  'problem.noPushCertificate.detail':
    'This server has no MDM push certificate, so it cannot give out the management profile.',
  'problem.noPushCertificate.next':
    'Tell IT: upload the MDM push certificate in Settings (or set enrollment.apns).',
  'problem.insecureUrls.detail':
    'This server would tell your Mac to reach it over an unencrypted http:// address, which macOS refuses for device management.',
  'problem.insecureUrls.next':
    'Tell IT: serve Backstage over https (backend.baseUrl), or set enrollment.allowInsecureUrls for a demo.',
  'problem.formUnreadable.title': 'The form could not be read',
  'problem.formTooLarge.detail': 'The form sent more than the portal accepts.',
  'problem.formEncoding.detail':
    'The form was sent in an encoding the portal does not read.',
  'problem.formDamaged.detail': 'The form arrived incomplete or damaged.',
  'problem.pageNotFound.title': 'This page does not exist',
  'problem.pageNotFound.detail':
    'The address is not part of the enrollment portal.',
  'problem.pageNotFound.next': 'Start again from the enrollment page.',
  'problem.directoryUnavailable.title':
    'We cannot check your account right now',
  'problem.directoryUnavailable.detail':
    'The company directory did not answer. Try again in a few minutes.',
  'problem.serviceUnavailable.title': 'Enrollment is briefly unavailable',
  'problem.serviceUnavailable.detail':
    'The enrollment service cannot reach its database right now. Nothing was lost: try again in a minute.',
  'problem.tryLater.next': 'If it keeps happening, contact IT.',
  'problem.unexpected.title': 'Something went wrong',
  'problem.unexpected.detail':
    'The enrollment page hit an unexpected problem. Try again in a few minutes.',
} as const;

/** @public */
export type PortalTextKey = keyof typeof PORTAL_TEXT_DEFAULTS;

/** @public */
export const PORTAL_TEXT_KEYS = Object.keys(
  PORTAL_TEXT_DEFAULTS,
) as PortalTextKey[];

/**
 * The portal texts whose English wording lives in the settings' `texts`
 * (the step texts admins edited before texts had languages).
 *
 * @public
 */
export const STEP_TEXT_KEYS = {
  'login.welcome': 'welcome',
  'login.intro': 'login',
  'certificate.text': 'certificate',
  'profile.text': 'profile',
  'quickadd.text': 'quickadd',
} as const;

/**
 * A BCP 47 language tag as the portal matches it against Accept-Language:
 * a 2–3 letter language with optional subtags (`fr`, `de-CH`, `zh-Hant`).
 *
 * @public
 */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;
