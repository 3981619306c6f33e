import { judgeUpload, typeOfFileName } from './upload.rules';

const ALLOWED = ['image/png', 'image/jpeg', 'application/pdf'];

describe('judgeUpload', () => {
  it('records an allowed type whose name agrees', () => {
    expect(judgeUpload('image/png', 'anh-chup.PNG', ALLOWED)).toEqual({ accepted: true, mimeType: 'image/png', nameMismatch: false });
  });

  it('records the bytes as what they are when the name claims something else', () => {
    expect(judgeUpload('application/pdf', 'anh.jpg', ALLOWED)).toEqual({ accepted: true, mimeType: 'application/pdf', nameMismatch: true });
  });

  it('refuses a type off the allow-list, whatever the name says', () => {
    expect(judgeUpload('application/x-msdownload', 'anh.png', ALLOWED)).toEqual({ accepted: false, reason: 'application/x-msdownload is not an allowed type (the name says image/png)' });
  });

  it('refuses bytes of no known type', () => {
    expect(judgeUpload(null, 'bao-cao.pdf', ALLOWED)).toEqual({ accepted: false, reason: 'the bytes are of no known type (the name says application/pdf)' });
  });

  it('does not call an unknown extension a mismatch', () => {
    expect(judgeUpload('image/jpeg', 'IMG_0001', ALLOWED)).toEqual({ accepted: true, mimeType: 'image/jpeg', nameMismatch: false });
    expect(typeOfFileName('.png')).toBeNull();
  });
});
