#ifndef FLEETPRINT_CMOSQUITTO_SHIM_H
#define FLEETPRINT_CMOSQUITTO_SHIM_H
/* libmosquitto 2.0 (Debian's libmosquitto-dev). mqtt_protocol.h carries the MQTT 5 constants. */
#include <mosquitto.h>
#include <mqtt_protocol.h>
#include <errno.h>
#include <string.h>
#endif
