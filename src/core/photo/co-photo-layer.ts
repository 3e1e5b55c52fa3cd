// The co-photo layer's name, in a module of its own so that the CLI can declare `--layers` without loading photo
// matching.

/** Layer name of photo edges. */
export const CO_PHOTO_LAYER = 'co-photo';
