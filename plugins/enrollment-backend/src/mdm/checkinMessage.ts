import { InputError } from '@backstage/errors';
import { parsePlistXml } from './plistXml';

/** The check-in messages this server acts on; others are answered as unsupported. */
export type CheckinMessage =
  | {
      type: 'Authenticate';
      udid: string;
      topic: string;
      serialNumber?: string;
      deviceName?: string;
      model?: string;
      modelName?: string;
      osVersion?: string;
      buildVersion?: string;
      productName?: string;
    }
  | {
      type: 'TokenUpdate';
      udid: string;
      topic: string;
      /** Set on the user channel (per-user connections); the device channel has none. */
      userId?: string;
      token: Buffer;
      pushMagic: string;
      awaitingConfiguration?: boolean;
    }
  | { type: 'CheckOut'; udid: string; topic: string }
  | { type: 'SetBootstrapToken'; udid: string; bootstrapToken: Buffer }
  | { type: 'GetBootstrapToken'; udid: string }
  | {
      type: 'UserAuthenticate';
      udid: string;
      userId?: string;
      digestResponse?: string;
    }
  | { type: 'Other'; udid: string; messageType: string };

function str(
  dict: Record<string, unknown>,
  key: string,
  required: true,
): string;
function str(
  dict: Record<string, unknown>,
  key: string,
  required?: false,
): string | undefined;
function str(dict: Record<string, unknown>, key: string, required = false) {
  const value = dict[key];
  if (typeof value === 'string' && value.length <= 1024) return value;
  if (value === undefined && !required) return undefined;
  throw new InputError(`Check-in message: ${key} must be a string`);
}

function data(
  dict: Record<string, unknown>,
  key: string,
  allowEmpty = false,
): Buffer {
  const value = dict[key];
  if (Buffer.isBuffer(value) && (allowEmpty || value.length > 0)) return value;
  throw new InputError(`Check-in message: ${key} must be data`);
}

/**
 * Parses a check-in body (an XML plist). Unknown keys are ignored, as real
 * Macs send undocumented ones (nanomdm's Authenticate.2.plist has `Challenge`).
 */
export function parseCheckinMessage(body: Buffer): CheckinMessage {
  let parsed: unknown;
  try {
    parsed = parsePlistXml(body.toString('utf8'));
  } catch {
    throw new InputError('Check-in message: the body is not a property list');
  }
  if (
    !parsed ||
    typeof parsed !== 'object' ||
    Array.isArray(parsed) ||
    Buffer.isBuffer(parsed)
  ) {
    throw new InputError('Check-in message: the body is not a dictionary');
  }
  const dict = parsed as Record<string, unknown>;
  const type = str(dict, 'MessageType', true);
  const udid = str(dict, 'UDID', true);
  switch (type) {
    case 'Authenticate':
      return {
        type,
        udid,
        topic: str(dict, 'Topic', true),
        serialNumber: str(dict, 'SerialNumber'),
        deviceName: str(dict, 'DeviceName'),
        model: str(dict, 'Model'),
        modelName: str(dict, 'ModelName'),
        osVersion: str(dict, 'OSVersion'),
        buildVersion: str(dict, 'BuildVersion'),
        productName: str(dict, 'ProductName'),
      };
    case 'TokenUpdate':
      return {
        type,
        udid,
        topic: str(dict, 'Topic', true),
        userId: str(dict, 'UserID'),
        token: data(dict, 'Token'),
        pushMagic: str(dict, 'PushMagic', true),
        awaitingConfiguration:
          typeof dict.AwaitingConfiguration === 'boolean'
            ? dict.AwaitingConfiguration
            : undefined,
      };
    case 'CheckOut':
      return { type, udid, topic: str(dict, 'Topic', true) };
    case 'SetBootstrapToken':
      // An empty token means "delete the escrowed one".
      return { type, udid, bootstrapToken: data(dict, 'BootstrapToken', true) };
    case 'GetBootstrapToken':
      return { type, udid };
    case 'UserAuthenticate':
      return {
        type,
        udid,
        userId: str(dict, 'UserID'),
        digestResponse: str(dict, 'DigestResponse'),
      };
    default:
      return { type: 'Other', udid, messageType: type };
  }
}
