#ifndef FLEETPRINT_READ_AHEAD_H
#define FLEETPRINT_READ_AHEAD_H
/*
 * A read-ahead buffer under libmosquitto's socket.
 *
 * libmosquitto reads each packet in three or four read(2) calls (the fixed header's byte, the
 * remaining length a byte at a time, then the body), so a stream of small messages costs about
 * four system calls a message before any work is done: on a 2-core machine that is a third of
 * the daemon's CPU in a backlog drain. Once a network thread attaches its socket, each read(2)
 * of that socket on that thread takes up to 64 KiB from the kernel at once and serves the small
 * reads that follow from memory; pselect(2) on that thread reports the socket readable while
 * bytes wait here, so libmosquitto's loop never sleeps on data it already holds.
 *
 * Live, messages come one at a time, and waking the thread for each costs more than reading it
 * (a sleep and a wake-up of the scheduler, dearer still on a virtual machine). So before that
 * thread sleeps on an empty socket, with nothing else ready, it pauses 0.1 ms once: a busy
 * stream's next messages arrive meanwhile and one wake-up reads several. Idle, that costs a
 * message 0.1 ms more on its way and the thread one more check.
 *
 * Nothing here knows MQTT: the bytes reach libmosquitto in the same order and unchanged, and
 * libmosquitto still decides when to acknowledge. The buffer belongs to the calling thread (a
 * thread-local), so reads of any other thread, or of any other descriptor, go straight to the
 * kernel. Bytes still here when the connection drops were never acknowledged: the broker sends
 * them again, as it would the bytes in the kernel's socket buffer.
 */
#include <stddef.h>

/* Buffers reads of `fd` made on the calling thread from now on (replacing any earlier socket). */
void fleetprint_read_ahead_attach(int fd);

/* Stops buffering on the calling thread and drops what is buffered (the connection is gone). */
void fleetprint_read_ahead_detach(void);

/* Reads of attached sockets served so far, and the reads of the kernel that served them:
 * process-wide totals, so tests and benchmarks can see the buffer at work. */
size_t fleetprint_read_ahead_served(void);
size_t fleetprint_read_ahead_filled(void);

#endif
