import { parseCommandReport } from './commandReport';

describe('parseCommandReport', () => {
  it('refuses a report nested deeper than a real one as bad input (storing it would overflow the stack)', () => {
    const deep = `${'<array>'.repeat(2500)}${'</array>'.repeat(2500)}`;
    const body = Buffer.from(
      `<?xml version="1.0"?><plist version="1.0"><dict><key>Status</key><string>Acknowledged</string><key>X</key>${deep}</dict></plist>`,
    );
    expect(() => parseCommandReport(body)).toThrow(
      'The report is not a property list: The property list is nested too deeply',
    );
  });

  it('reads a report dictionary', () => {
    const report = parseCommandReport(
      Buffer.from(
        '<?xml version="1.0"?><plist version="1.0"><dict><key>Status</key><string>Idle</string><key>UDID</key><string>U1</string></dict></plist>',
      ),
    );
    expect(report).toEqual({ Status: 'Idle', UDID: 'U1' });
  });

  it.each([
    [
      'not a plist',
      'hello',
      'The report is not a property list: Not well-formed XML: missing root element',
    ],
    [
      'a plist array',
      '<?xml version="1.0"?><plist version="1.0"><array><string>x</string></array></plist>',
      'The report is not a dictionary',
    ],
  ])('refuses %s with an InputError', (_name, body, message) => {
    expect(() => parseCommandReport(Buffer.from(body))).toThrow(
      expect.objectContaining({ name: 'InputError', message }),
    );
  });
});
