function read(start: (reader: FileReader) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () =>
      reject(reader.error ?? new Error('The file could not be read'));
    start(reader);
  });
}

/** The file's bytes in base64, as the backend takes a .p12 in JSON. */
export async function readAsBase64(file: Blob): Promise<string> {
  // A data URL is `data:<type>;base64,<bytes>`.
  const dataUrl = await read(reader => reader.readAsDataURL(file));
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}

/** The file as text, for .pem files. */
export function readAsText(file: Blob): Promise<string> {
  return read(reader => reader.readAsText(file));
}
