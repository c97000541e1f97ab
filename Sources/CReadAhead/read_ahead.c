/* See include/read_ahead.h for what this is and why. */
#define _GNU_SOURCE
#include "read_ahead.h"

#include <dlfcn.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

enum { capacity = 64 * 1024 };

/* How long an attached thread waits, once, before it sleeps on an empty socket (see pselect). */
static const struct timespec gathering = { 0, 100 * 1000 };

struct ahead {
    int fd;
    unsigned char *bytes;
    size_t start;
    size_t end;
};

static __thread struct ahead ahead = { -1, NULL, 0, 0 };
static atomic_size_t served;
static atomic_size_t filled;

/* glibc's own read, exported under this second name, so reads of other descriptors cost one
 * comparison more than before. */
extern ssize_t __read(int fd, void *buffer, size_t count);

typedef int (*pselect_function)(int, fd_set *, fd_set *, fd_set *, const struct timespec *, const sigset_t *);

static int next_pselect(int count, fd_set *readable, fd_set *writable, fd_set *failed,
                        const struct timespec *timeout, const sigset_t *mask) {
    static _Atomic(pselect_function) next;
    pselect_function function = atomic_load_explicit(&next, memory_order_relaxed);
    if (function == NULL) {
        function = (pselect_function)dlsym(RTLD_NEXT, "pselect");
        atomic_store_explicit(&next, function, memory_order_relaxed);
    }
    return function(count, readable, writable, failed, timeout, mask);
}

static void keep(fd_set kept[3], const fd_set *readable, const fd_set *writable, const fd_set *failed) {
    kept[0] = *readable;
    if (writable != NULL) kept[1] = *writable;
    if (failed != NULL) kept[2] = *failed;
}

static void restore(const fd_set kept[3], fd_set *readable, fd_set *writable, fd_set *failed) {
    *readable = kept[0];
    if (writable != NULL) *writable = kept[1];
    if (failed != NULL) *failed = kept[2];
}

void fleetprint_read_ahead_attach(int fd) {
    if (ahead.bytes == NULL) ahead.bytes = malloc(capacity);
    ahead.fd = ahead.bytes == NULL ? -1 : fd;
    ahead.start = 0;
    ahead.end = 0;
}

void fleetprint_read_ahead_detach(void) {
    free(ahead.bytes);
    ahead = (struct ahead){ -1, NULL, 0, 0 };
}

size_t fleetprint_read_ahead_served(void) { return atomic_load(&served); }
size_t fleetprint_read_ahead_filled(void) { return atomic_load(&filled); }

ssize_t read(int fd, void *buffer, size_t count) {
    if (fd != ahead.fd || fd < 0 || count == 0) return __read(fd, buffer, count);
    if (ahead.start == ahead.end) {
        if (count >= capacity) return __read(fd, buffer, count);
        ssize_t got = __read(fd, ahead.bytes, capacity);
        if (got <= 0) return got;
        ahead.start = 0;
        ahead.end = (size_t)got;
        atomic_fetch_add_explicit(&filled, 1, memory_order_relaxed);
    }
    size_t taken = ahead.end - ahead.start < count ? ahead.end - ahead.start : count;
    memcpy(buffer, ahead.bytes + ahead.start, taken);
    ahead.start += taken;
    atomic_fetch_add_explicit(&served, 1, memory_order_relaxed);
    return (ssize_t)taken;
}

int pselect(int count, fd_set *readable, fd_set *writable, fd_set *failed,
            const struct timespec *timeout, const sigset_t *mask) {
    int fd = ahead.fd;
    if (fd < 0 || fd >= count || readable == NULL || !FD_ISSET(fd, readable)) {
        return next_pselect(count, readable, writable, failed, timeout, mask);
    }
    static const struct timespec now = { 0, 0 };
    if (ahead.start == ahead.end) {
        if (timeout != NULL && timeout->tv_sec == 0 && timeout->tv_nsec <= gathering.tv_nsec) {
            return next_pselect(count, readable, writable, failed, timeout, mask);
        }
        /* Nothing here: if nothing is ready either, pause once before sleeping in the kernel,
         * so that a busy stream's next messages arrive meanwhile and one wake-up reads several. */
        fd_set asked[3];
        keep(asked, readable, writable, failed);
        int ready = next_pselect(count, readable, writable, failed, &now, mask);
        if (ready != 0) return ready;
        restore(asked, readable, writable, failed);
        nanosleep(&gathering, NULL);
        return next_pselect(count, readable, writable, failed, timeout, mask);
    }
    /* Bytes wait here: ask the kernel about the other descriptors without waiting. */
    int ready = next_pselect(count, readable, writable, failed, &now, mask);
    if (ready < 0) return ready;
    if (!FD_ISSET(fd, readable)) {
        FD_SET(fd, readable);
        ready += 1;
    }
    return ready;
}
