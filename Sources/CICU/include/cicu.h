#ifndef JIANBAO_CICU_H
#define JIANBAO_CICU_H

// jianbao's only window onto the system ICU. Swift never sees ICU's own headers: they clash
// with the copy of ICU inside Foundation (../shared/notes/icu-and-libxml2-in-swift.md), so
// this header declares plain C functions only.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Up to `capacity` charset guesses for `bytes`, best first. Names are written into `names`
/// (each NUL-terminated, `nameLength` bytes per slot) with their confidence (0-100).
/// Returns how many were written, or -1 when ICU failed.
int32_t jb_detect_charsets(const char *bytes, size_t length,
                           char *names, size_t nameLength,
                           int32_t *confidences, int32_t capacity);

/// Converts `length` bytes in `charset` to UTF-8, stopping at the first byte sequence that is
/// not valid in that charset (no silent substitution). On success returns the number of
/// UTF-8 bytes written to `output` (which must hold `outputCapacity` bytes). Returns -1 when
/// the input is not valid in the charset (`*errorOffset` is then the byte offset of the bad
/// sequence when known, else -1), -2 when the output buffer is too small, -3 when the
/// charset is unknown.
int64_t jb_convert_to_utf8(const char *charset, const char *bytes, size_t length,
                           char *output, size_t outputCapacity, int64_t *errorOffset);

#ifdef __cplusplus
}
#endif

#endif
