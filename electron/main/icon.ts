import { nativeImage, type NativeImage } from 'electron';
import path from 'node:path';

/**
 * A 32×32 blue "T", used when resources/ has no icon yet, so the tray entry (the only way back
 * to a hidden window on some desktops) never turns invisible.
 */
export const FALLBACK_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAXElEQVR42mNgwAFk6q79pyZmIAZQ21KSHEMvy7E6gt6WYzhiZDtgoCyHOwKfJLXAqAOGrgNIcRxNEuGoA0YdMOqAUQeMOmDUASPDAaOt4kHhgAHvmg2KzulAdc8B+vEBA+EMJ7kAAAAASUVORK5CYII=';

/** The first of `names` in `resourcesDir` that loads, else the built-in fallback. */
export function loadIcon(resourcesDir: string, names: readonly string[]): NativeImage {
  for (const name of names) {
    const image = nativeImage.createFromPath(path.join(resourcesDir, name));
    if (!image.isEmpty()) return image;
  }
  return nativeImage.createFromDataURL(FALLBACK_ICON_DATA_URL);
}
