// Backstage's shared style, plus: HTML written in html`` templates (the portal's
// views, the invitation mail) keeps its whitespace, which is text to a person.
module.exports = {
  ...require('@backstage/cli/config/prettier'),
  overrides: [
    {
      files: [
        'plugins/enrollment-backend/src/portal/views/**',
        'plugins/enrollment-backend/src/mail/invitationMessage.ts',
      ],
      options: { embeddedLanguageFormatting: 'off' },
    },
  ],
};
