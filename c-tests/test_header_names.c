/*
 * rdkafka.h and rdkafka_mock.h define only librdkafka's names (RD_...,
 * LIBRDKAFKA_..., rd_kafka_...). Programs use plain words such as DEBUG,
 * INFO or ERR for their own log levels; a header that #defines them turns
 * the enum below into "enum { 0, 1, ... }" and the program no longer
 * compiles (ferrokafka's header did, up to December 2026). This file
 * compiling is the test; it also builds against librdkafka's own header.
 */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <stdio.h>

enum app_log_level { EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG };
enum app_codec { COMPRESSION_NONE, COMPRESSION_GZIP, COMPRESSION_SNAPPY, COMPRESSION_LZ4,
                 COMPRESSION_ZSTD, COMPRESSION_INHERIT };
static const int EVENT_THROTTLE = 1, IDEMPOTENCE_MAX_IN_FLIGHT = 2, MAX_VERSION = 3,
                 FIRST_CODE = 4, LAST_CODE = 5;

int main(void) {
        int sum = EMERG + ALERT + CRIT + ERR + WARNING + NOTICE + INFO + DEBUG + COMPRESSION_INHERIT +
                  EVENT_THROTTLE + IDEMPOTENCE_MAX_IN_FLIGHT + MAX_VERSION + FIRST_CODE + LAST_CODE;
        if (sum != 28 + 5 + 15) {
                fprintf(stderr, "test_header_names: unexpected sum %d\n", sum);
                return 1;
        }
        printf("test_header_names: ok (%s)\n", rd_kafka_version_str());
        return 0;
}
