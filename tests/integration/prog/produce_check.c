/* Produces deterministic messages and prints one line per delivery report:
 *   produce_check BOOTSTRAP TOPIC COUNT [PROPERTY=VALUE...]
 * Message i has key "key-<i>" (none when i % 10 == 9), value
 * "value-<i>-<padding>", headers "idx"=<i> and "kind"="test" (none when
 * i % 7 == 0) and create time 1700000000000 + i. Each report line is
 *   DR <i> <err name> <partition> <offset>
 * and the last line "SUMMARY <ok> <failed>". Exit status 0 when every
 * message got exactly one report and none failed. Built against whichever
 * librdkafka.so.1 is loaded at run time (ferrokafka or the reference). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <librdkafka/rdkafka.h>

static int count, ok, failed, *seen;

static void dr(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        int i = (int)(intptr_t)m->_private;
        (void)rk; (void)opaque;
        if (i < 0 || i >= count || seen[i]++) {
                printf("BAD report for message %d\n", i);
                failed++;
                return;
        }
        if (m->err)
                failed++;
        else
                ok++;
        printf("DR %d %s %d %lld\n", i, rd_kafka_err2name(m->err), m->partition, (long long)m->offset);
}

int main(int argc, char **argv) {
        char errstr[512];
        rd_kafka_conf_t *conf;
        rd_kafka_t *rk;
        int i;
        if (argc < 4) {
                fprintf(stderr, "usage: %s BOOTSTRAP TOPIC COUNT [PROP=VALUE...]\n", argv[0]);
                return 2;
        }
        count = atoi(argv[3]);
        seen = calloc(count, sizeof(*seen));
        conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", argv[1], errstr, sizeof(errstr));
        for (i = 4; i < argc; i++) {
                char *eq = strchr(argv[i], '=');
                if (!eq)
                        return 2;
                *eq = 0;
                if (rd_kafka_conf_set(conf, argv[i], eq + 1, errstr, sizeof(errstr))) {
                        fprintf(stderr, "%s\n", errstr);
                        return 2;
                }
        }
        rd_kafka_conf_set_dr_msg_cb(conf, dr);
        if (!(rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr)))) {
                fprintf(stderr, "%s\n", errstr);
                return 2;
        }
        for (i = 0; i < count; i++) {
                char key[32], value[128], idx[16];
                rd_kafka_headers_t *h = NULL;
                rd_kafka_resp_err_t err;
                snprintf(key, sizeof(key), "key-%d", i);
                snprintf(value, sizeof(value), "value-%d-%0*d", i, i % 50, 0);
                snprintf(idx, sizeof(idx), "%d", i);
                if (i % 7) {
                        h = rd_kafka_headers_new(2);
                        rd_kafka_header_add(h, "idx", -1, idx, -1);
                        rd_kafka_header_add(h, "kind", -1, "test", -1);
                }
                do {
                        err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(argv[2]),
                                                RD_KAFKA_V_KEY(i % 10 == 9 ? NULL : key, i % 10 == 9 ? 0 : strlen(key)),
                                                RD_KAFKA_V_VALUE(value, strlen(value)),
                                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                                RD_KAFKA_V_TIMESTAMP(1700000000000LL + i),
                                                RD_KAFKA_V_HEADERS(h),
                                                RD_KAFKA_V_OPAQUE((void *)(intptr_t)i), RD_KAFKA_V_END);
                        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL)
                                rd_kafka_poll(rk, 50);
                } while (err == RD_KAFKA_RESP_ERR__QUEUE_FULL);
                if (err) {
                        printf("produce %d failed: %s\n", i, rd_kafka_err2str(err));
                        if (h)
                                rd_kafka_headers_destroy(h);
                        failed++;
                }
                rd_kafka_poll(rk, 0);
        }
        rd_kafka_flush(rk, 60000);
        rd_kafka_destroy(rk);
        for (i = 0; i < count; i++)
                if (seen[i] != 1) {
                        printf("message %d got %d reports\n", i, seen[i]);
                        failed++;
                }
        printf("SUMMARY %d %d\n", ok, failed);
        return failed || ok != count;
}
