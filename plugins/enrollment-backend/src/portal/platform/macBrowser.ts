/**
 * The browser's name when a Mac's browser is not Safari, else undefined.
 * Safari hands a downloaded .mobileconfig to System Settings; the others
 * only save it, so the person must open it from Downloads.
 */
export function otherMacBrowser(
  userAgent: string | undefined,
): string | undefined {
  const ua = userAgent ?? '';
  // Order matters: Edge and Opera also say Chrome, and Chrome also says Safari.
  if (ua.includes('Edg/')) return 'Microsoft Edge';
  if (ua.includes('OPR/')) return 'Opera';
  if (ua.includes('Firefox/')) return 'Firefox';
  if (ua.includes('Chrome/') || ua.includes('CriOS/')) return 'Chrome';
  return undefined;
}
