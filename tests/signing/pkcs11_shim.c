/*
 * A small real PKCS#11 module for the tests: SoftHSM2 behind it, plus the two things SoftHSM2 lacks and real
 * USB tokens have.
 *
 *  (a) A retry counter. SoftHSM2 (Token::loginUser) never counts wrong PINs. This module does, like a
 *      token's chip: after each wrong user PIN C_GetTokenInfo reports CKF_USER_PIN_COUNT_LOW (tries
 *      remain, but fewer than the maximum), CKF_USER_PIN_FINAL_TRY (one try left) or CKF_USER_PIN_LOCKED
 *      (none left); a locked token answers C_Login with CKR_PIN_LOCKED without asking SoftHSM2; a right
 *      PIN resets the count.
 *  (b) A protected authentication path (SHIM_PROTECTED=1): C_GetTokenInfo reports
 *      CKF_PROTECTED_AUTHENTICATION_PATH, and C_Login with a NULL PIN blocks for SHIM_PIN_DELAY_MS — as a
 *      Vietnamese CA driver does while its own PIN window is open — then logs in with SHIM_PAD_PIN (what
 *      the person "typed" in the driver's window; wrong values count like any wrong PIN).
 *
 * Everything else is SoftHSM2's own function list, forwarded. The module is configured by environment
 * variables, read at every call, so a test can change them between calls:
 *
 *   SHIM_REAL_MODULE  path of the module forwarded to (a private copy of libsofthsm2.so, so it is a
 *                     separate instance from the libsofthsm2.so other tests load in the same process)
 *   SHIM_STATE        a small text file: "<wrong PIN count> <C_Login calls> <C_Login calls with NULL PIN>";
 *                     the test reads it to count logins and writes it to reset
 *   SHIM_MAX_TRIES    tries before the token locks (default 3)
 *   SHIM_PROTECTED, SHIM_PIN_DELAY_MS, SHIM_PAD_PIN   as above
 *   SHIM_HIDE_LOCKED  1: a locked token does not show CKF_USER_PIN_LOCKED (only C_Login's CKR_PIN_LOCKED says it)
 *
 * Types come from p11-kit's pkcs11.h (Debian libp11-kit-dev), the standard 2.40 CK_FUNCTION_LIST.
 */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <p11-kit/pkcs11.h>

static CK_FUNCTION_LIST real;       /* SoftHSM2's list, copied */
static CK_FUNCTION_LIST ours;       /* the same, with our three entries */
static int loaded = 0;

struct state { unsigned long wrong, logins, null_logins; };

static const char *env(const char *name, const char *fallback) {
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

static struct state read_state(void) {
    struct state s = {0, 0, 0};
    FILE *f = fopen(env("SHIM_STATE", "/dev/null"), "r");
    if (f) {
        if (fscanf(f, "%lu %lu %lu", &s.wrong, &s.logins, &s.null_logins) < 0) { s.wrong = 0; }
        fclose(f);
    }
    return s;
}

static void write_state(struct state s) {
    FILE *f = fopen(env("SHIM_STATE", "/dev/null"), "w");
    if (f) {
        fprintf(f, "%lu %lu %lu\n", s.wrong, s.logins, s.null_logins);
        fclose(f);
    }
}

static unsigned long max_tries(void) {
    long n = atol(env("SHIM_MAX_TRIES", "3"));
    return n > 0 ? (unsigned long)n : 3;
}

static int protected_path(void) { return atoi(env("SHIM_PROTECTED", "0")) != 0; }

static CK_RV shim_GetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info) {
    CK_RV rv = real.C_GetTokenInfo(slot, info);
    if (rv != CKR_OK) return rv;
    struct state s = read_state();
    unsigned long max = max_tries();
    info->flags &= ~(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED);
    if (s.wrong >= max) {
        if (!atoi(env("SHIM_HIDE_LOCKED", "0"))) info->flags |= CKF_USER_PIN_LOCKED;  /* some drivers never say */
    } else if (s.wrong > 0) {
        info->flags |= CKF_USER_PIN_COUNT_LOW;
        if (max - s.wrong == 1) info->flags |= CKF_USER_PIN_FINAL_TRY;
    }
    if (protected_path()) info->flags |= CKF_PROTECTED_AUTHENTICATION_PATH;
    return CKR_OK;
}

static CK_RV shim_Login(CK_SESSION_HANDLE session, CK_USER_TYPE who, CK_UTF8CHAR_PTR pin, CK_ULONG len) {
    struct state s = read_state();
    s.logins += 1;
    if (pin == NULL) s.null_logins += 1;
    write_state(s);
    if (who != CKU_USER) return real.C_Login(session, who, pin, len);
    if (s.wrong >= max_tries()) return CKR_PIN_LOCKED;          /* the chip refuses before any check */
    if (pin == NULL) {
        if (!protected_path()) return CKR_ARGUMENTS_BAD;
        long ms = atol(env("SHIM_PIN_DELAY_MS", "0"));          /* the driver's own PIN window is open */
        struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
        nanosleep(&t, NULL);
        const char *typed = env("SHIM_PAD_PIN", "");
        if (!*typed) return CKR_FUNCTION_CANCELED;              /* the person closed the driver's window */
        pin = (CK_UTF8CHAR_PTR)typed;
        len = (CK_ULONG)strlen(typed);
    }
    CK_RV rv = real.C_Login(session, who, pin, len);
    s = read_state();
    if (rv == CKR_PIN_INCORRECT) {
        s.wrong += 1;
    } else if (rv == CKR_OK) {
        s.wrong = 0;
    }
    write_state(s);
    return rv;
}

CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
    if (list == NULL) return CKR_ARGUMENTS_BAD;
    if (!loaded) {
        void *h = dlopen(env("SHIM_REAL_MODULE", "/usr/lib/softhsm/libsofthsm2.so"), RTLD_NOW | RTLD_LOCAL);
        if (!h) return CKR_GENERAL_ERROR;
        CK_RV (*get)(CK_FUNCTION_LIST_PTR_PTR) = (CK_RV (*)(CK_FUNCTION_LIST_PTR_PTR))dlsym(h, "C_GetFunctionList");
        CK_FUNCTION_LIST_PTR theirs = NULL;
        if (!get || get(&theirs) != CKR_OK || theirs == NULL) return CKR_GENERAL_ERROR;
        memcpy(&real, theirs, sizeof real);
        memcpy(&ours, theirs, sizeof ours);
        ours.C_GetTokenInfo = shim_GetTokenInfo;
        ours.C_Login = shim_Login;
        loaded = 1;
    }
    *list = &ours;
    return CKR_OK;
}
