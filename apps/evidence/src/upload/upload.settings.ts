export const UPLOAD_SETTINGS = Symbol('UPLOAD_SETTINGS');

export interface UploadSettings {
  maxBytes: number;
  allowedMimeTypes: string[];
  ttlSeconds: number;
}
