#include "cicu.h"

#include <string.h>
#include <stdlib.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

int32_t jb_detect_charsets(const char *bytes, size_t length,
                           char *names, size_t nameLength,
                           int32_t *confidences, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    // ICU reads at most an int32 worth of bytes; the first megabyte is plenty for a guess.
    int32_t sample = length > (1u << 20) ? (int32_t)(1u << 20) : (int32_t)length;
    ucsdet_setText(detector, bytes, sample, &status);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &status);
    if (U_FAILURE(status)) { ucsdet_close(detector); return -1; }
    int32_t written = 0;
    for (int32_t i = 0; i < found && written < capacity; i++) {
        UErrorCode nameStatus = U_ZERO_ERROR;
        const char *name = ucsdet_getName(matches[i], &nameStatus);
        int32_t confidence = ucsdet_getConfidence(matches[i], &nameStatus);
        if (U_FAILURE(nameStatus) || name == NULL) continue;
        strncpy(names + (size_t)written * nameLength, name, nameLength - 1);
        names[(size_t)written * nameLength + nameLength - 1] = '\0';
        confidences[written] = confidence;
        written++;
    }
    ucsdet_close(detector);
    return written;
}

int64_t jb_convert_to_utf8(const char *charset, const char *bytes, size_t length,
                           char *output, size_t outputCapacity, int64_t *errorOffset) {
    *errorOffset = -1;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *source = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -3;
    UConverter *utf8 = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) { ucnv_close(source); return -3; }
    // Stop, never substitute: a bad sequence means this is not the charset, or the file is
    // damaged, and either way the caller must say so rather than pass on U+FFFD.
    ucnv_setToUCallBack(source, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    ucnv_setFromUCallBack(utf8, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) { ucnv_close(source); ucnv_close(utf8); return -3; }

    char *target = output;
    const char *cursor = bytes;
    ucnv_convertEx(utf8, source, &target, output + outputCapacity, &cursor, bytes + length,
                   NULL, NULL, NULL, NULL, 1, 1, &status);
    int64_t result;
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        result = -2;
    } else if (U_FAILURE(status)) {
        *errorOffset = (int64_t)(cursor - bytes);
        result = -1;
    } else {
        result = (int64_t)(target - output);
    }
    ucnv_close(source);
    ucnv_close(utf8);
    return result;
}
