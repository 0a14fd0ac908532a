import plist from 'plist';
import { parseCheckinMessage } from './checkinMessage';

const body = (dict: object) => Buffer.from(plist.build(dict as any), 'utf8');

describe('parseCheckinMessage', () => {
  it('reads a real macOS Authenticate and ignores unknown keys', () => {
    // nanomdm mdm/testdata/Authenticate.2.plist, with its undocumented Challenge key.
    const message = parseCheckinMessage(
      body({
        BuildVersion: '16G2136',
        Challenge: Buffer.from('opaque'),
        DeviceName: 'Fruit',
        MessageType: 'Authenticate',
        Model: 'iMac14,2',
        ModelName: 'iMac',
        OSVersion: '10.12.6',
        ProductName: 'iMac14,2',
        SerialNumber: 'C02ABCDEFGHJ',
        Topic: 'com.apple.mgmt.External.test',
        UDID: '66ADE930-1234-5678-9ABC-DEF012345678',
      }),
    );
    expect(message).toEqual({
      type: 'Authenticate',
      udid: '66ADE930-1234-5678-9ABC-DEF012345678',
      topic: 'com.apple.mgmt.External.test',
      serialNumber: 'C02ABCDEFGHJ',
      deviceName: 'Fruit',
      model: 'iMac14,2',
      modelName: 'iMac',
      osVersion: '10.12.6',
      buildVersion: '16G2136',
      productName: 'iMac14,2',
    });
  });

  it('reads TokenUpdate with its token as data', () => {
    const message = parseCheckinMessage(
      body({
        MessageType: 'TokenUpdate',
        UDID: 'U',
        Topic: 'com.apple.mgmt.External.test',
        Token: Buffer.from([1, 2, 3]),
        PushMagic: 'magic',
      }),
    );
    expect(message).toMatchObject({
      type: 'TokenUpdate',
      token: Buffer.from([1, 2, 3]),
      pushMagic: 'magic',
    });
  });

  it('keeps an empty SetBootstrapToken (a deletion)', () => {
    expect(
      parseCheckinMessage(
        body({
          MessageType: 'SetBootstrapToken',
          UDID: 'U',
          BootstrapToken: Buffer.alloc(0),
        }),
      ),
    ).toEqual({
      type: 'SetBootstrapToken',
      udid: 'U',
      bootstrapToken: Buffer.alloc(0),
    });
  });

  it('passes other message types through', () => {
    expect(
      parseCheckinMessage(
        body({
          MessageType: 'DeclarativeManagement',
          UDID: 'U',
          Endpoint: 'tokens',
        }),
      ),
    ).toEqual({
      type: 'Other',
      udid: 'U',
      messageType: 'DeclarativeManagement',
    });
  });

  it.each([
    ['not a plist', Buffer.from('hello')],
    ['an array', body(['a'])],
    ['no UDID', body({ MessageType: 'Authenticate', Topic: 't' })],
    [
      'a token that is not data',
      body({
        MessageType: 'TokenUpdate',
        UDID: 'U',
        Topic: 't',
        Token: 'x',
        PushMagic: 'm',
      }),
    ],
  ])('refuses %s with an InputError', (_what, input) => {
    expect(() => parseCheckinMessage(input)).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });
});
