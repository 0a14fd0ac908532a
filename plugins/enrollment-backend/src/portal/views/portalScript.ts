/**
 * The portal's one script, served as `{base}/enroll/portal.js` (Backstage's
 * Content-Security-Policy allows same-origin scripts, not inline ones). Pages
 * work without it; with it, the person does less:
 * - a download marked `data-autostart` starts on its own, once;
 * - the download step asks `status` every few seconds and shows the
 *   enrolled page as soon as the Mac has checked in (or the refused page
 *   as soon as the device rules refused it).
 */
export const PORTAL_SCRIPT = `(function () {
  'use strict';
  var auto = document.querySelector('a[data-autostart]');
  if (auto) {
    setTimeout(function () { window.location.assign(auto.href); }, 400);
  }
  var waiting = document.getElementById('enroll-waiting');
  if (!waiting || !window.fetch) return;
  var url = waiting.getAttribute('data-status-url');
  function poll(delay) {
    setTimeout(function () {
      fetch(url, { credentials: 'same-origin', cache: 'no-store' })
        .then(function (answer) { return answer.ok ? answer.json() : {}; })
        .then(function (status) {
          if (status.enrolled || status.refused) window.location.reload();
          else poll(3000);
        })
        .catch(function () { poll(10000); });
    }, delay);
  }
  poll(3000);
})();
`;
