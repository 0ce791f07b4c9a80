/* Logging: log_cb, log_level, debug contexts, log.queue with
 * rd_kafka_set_log_queue(), and the log event accessors. */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static int cb_lines, cb_debug_lines;

static void log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf) {
        (void)rk;
        CHECK(fac && buf, "log line without facility or text");
        __atomic_add_fetch(&cb_lines, 1, __ATOMIC_SEQ_CST);
        if (level == 7)
                __atomic_add_fetch(&cb_debug_lines, 1, __ATOMIC_SEQ_CST);
}

static rd_kafka_t *client(const char *debug, const char *log_level, int log_queue) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        rd_kafka_conf_set_log_cb(conf, log_cb);
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof(errstr)), 0);
        if (debug)
                CHECK_INT(rd_kafka_conf_set(conf, "debug", debug, errstr, sizeof(errstr)), 0);
        if (log_level)
                CHECK_INT(rd_kafka_conf_set(conf, "log_level", log_level, errstr, sizeof(errstr)), 0);
        if (log_queue)
                CHECK_INT(rd_kafka_conf_set(conf, "log.queue", "true", errstr, sizeof(errstr)), 0);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        return rk;
}

int main(void) {
        char errstr[512];
        rd_kafka_conf_t *conf;
        rd_kafka_t *rk;
        rd_kafka_queue_t *q;
        rd_kafka_event_t *ev;
        int got_debug_event = 0, i;

        /* Unknown debug contexts are rejected. */
        conf = rd_kafka_conf_new();
        CHECK_INT(rd_kafka_conf_set(conf, "debug", "broker,nosuch", errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "debug");
        rd_kafka_conf_destroy(conf);

        /* Errors are logged through log_cb. */
        rk = client(NULL, NULL, 0);
        for (i = 0; i < 50 && !__atomic_load_n(&cb_lines, __ATOMIC_SEQ_CST); i++)
                rd_kafka_poll(rk, 20);
        CHECK(cb_lines > 0, "no log line for a refused connection");
        CHECK_INT(cb_debug_lines, 0);
        rd_kafka_destroy(rk);

        /* debug=broker emits debug lines (the log level is raised to 7). */
        cb_lines = cb_debug_lines = 0;
        rk = client("broker", NULL, 0);
        for (i = 0; i < 50 && !__atomic_load_n(&cb_debug_lines, __ATOMIC_SEQ_CST); i++)
                rd_kafka_poll(rk, 20);
        CHECK(cb_debug_lines > 0, "no debug line");
        rd_kafka_destroy(rk);

        /* log_level=0 silences everything. */
        cb_lines = 0;
        rk = client(NULL, "0", 0);
        rd_kafka_poll(rk, 300);
        CHECK_INT(cb_lines, 0);
        rd_kafka_destroy(rk);

        /* log.queue: lines become LOG events on the chosen queue. */
        cb_lines = 0;
        rk = client("broker", NULL, 1);
        q = rd_kafka_queue_new(rk);
        CHECK_INT(rd_kafka_set_log_queue(rk, q), 0);
        for (i = 0; i < 100 && !got_debug_event; i++) {
                ev = rd_kafka_queue_poll(q, 20);
                if (!ev)
                        continue;
                if (rd_kafka_event_type(ev) == RD_KAFKA_EVENT_LOG) {
                        const char *fac, *str;
                        int level;
                        char ctx[64];
                        CHECK_INT(rd_kafka_event_log(ev, &fac, &str, &level), 0);
                        if (level == 7) {
                                CHECK_INT(rd_kafka_event_debug_contexts(ev, ctx, sizeof(ctx)), 0);
                                CHECK_STR(ctx, "broker");
                                got_debug_event = 1;
                        }
                }
                rd_kafka_event_destroy(ev);
        }
        CHECK(got_debug_event, "no debug LOG event on the log queue");
        CHECK_INT(cb_lines, 0);
        rd_kafka_queue_destroy(q);
        rd_kafka_destroy(rk);

        /* Without log.queue, rd_kafka_set_log_queue() is refused. */
        rk = client(NULL, NULL, 0);
        q = rd_kafka_queue_new(rk);
        CHECK_INT(rd_kafka_set_log_queue(rk, q), RD_KAFKA_RESP_ERR__NOT_CONFIGURED);
        rd_kafka_queue_destroy(q);
        rd_kafka_destroy(rk);
        TEST_DONE();
}
