import { readAsBase64, readAsText } from './readFile';

// Files as the browser's file input gives them (jsdom's File and FileReader).
describe('readFile', () => {
  it('reads any bytes as base64, whatever the file type', async () => {
    const bytes = new Uint8Array([0x30, 0x82, 0x01, 0xff, 0x00, 0xfe]);
    await expect(readAsBase64(new File([bytes], 'push.p12'))).resolves.toBe(
      'MIIB/wD+',
    );
    await expect(
      readAsBase64(
        new File([bytes], 'push.p12', { type: 'application/x-pkcs12' }),
      ),
    ).resolves.toBe('MIIB/wD+');
    await expect(readAsBase64(new File([], 'empty.p12'))).resolves.toBe('');
  });

  it('reads a .pem as text', async () => {
    const pem =
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    await expect(readAsText(new File([pem], 'push.pem'))).resolves.toBe(pem);
  });
});
