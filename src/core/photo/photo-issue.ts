// Problems with photo files are data, not exceptions: bulk hashing reports them and goes on.

/** Why a photo could not be used. */
export type PhotoIssueCode =
  | 'unreadable'
  | 'too-large'
  | 'too-many-pixels'
  | 'unsupported-format'
  | 'broken'
  | 'too-small'
  | 'low-quality';

/** A photo that was skipped: which file, why (code) and a sentence saying what was found and expected. */
export interface PhotoIssue {
  file: string;
  code: PhotoIssueCode;
  message: string;
}
