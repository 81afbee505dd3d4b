/**
 * Saves a file the backend produced. A Blob download works the same in the desktop window and in
 * browser mode (the desktop shell saves it to the Downloads folder), so no file dialog is needed.
 */
export function saveBase64File(name: string, contentBase64: string, type = 'text/csv'): void {
  saveBlobFile(name, new Blob([base64ToBytes(contentBase64)], { type }));
}

/** The bytes of base64 text from the backend. */
export function base64ToBytes(contentBase64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves a Blob under `name` (a file assembled in the renderer, e.g. from the parts of a large export). */
export function saveBlobFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; revoking at once can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as base64 for the contract (files cross IPC and WebSocket as text). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
