/* Errors of unreachable brokers on the main queue: a failed connection is
 * always queued as an ERROR event; _ALL_BROKERS_DOWN is queued only when the
 * application asked for errors (error_cb or RD_KAFKA_EVENT_ERROR), otherwise
 * it is only logged. */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static int all_down_cb_calls;

static void error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque) {
        (void)rk;
        (void)reason;
        (void)opaque;
        if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
                all_down_cb_calls++;
}

static void quiet_log(const rd_kafka_t *rk, int level, const char *fac, const char *buf) {
        (void)rk;
        (void)level;
        (void)fac;
        (void)buf;
}

/* Polls the main queue for 1.5 s; counts _TRANSPORT and _ALL_BROKERS_DOWN. */
static void drain(rd_kafka_t *rk, int *transport, int *all_down) {
        rd_kafka_queue_t *q = rd_kafka_queue_get_main(rk);
        int i;
        *transport = *all_down = 0;
        for (i = 0; i < 15; i++) {
                rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 100);
                if (!ev)
                        continue;
                if (rd_kafka_event_type(ev) == RD_KAFKA_EVENT_ERROR) {
                        if (rd_kafka_event_error(ev) == RD_KAFKA_RESP_ERR__TRANSPORT)
                                (*transport)++;
                        else if (rd_kafka_event_error(ev) == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
                                (*all_down)++;
                }
                rd_kafka_event_destroy(ev);
        }
        rd_kafka_queue_destroy(q);
}

static rd_kafka_t *producer(int events, int with_error_cb) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        CHECK(rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof(errstr)) == RD_KAFKA_CONF_OK,
              "%s", errstr);
        rd_kafka_conf_set_log_cb(conf, quiet_log);
        if (events)
                rd_kafka_conf_set_events(conf, events);
        if (with_error_cb)
                rd_kafka_conf_set_error_cb(conf, error_cb);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        return rk;
}

int main(void) {
        rd_kafka_t *rk;
        int transport, all_down;

        /* Nothing asked for: the failed connection is queued, the
         * all-brokers-down summary is not. */
        rk = producer(0, 0);
        drain(rk, &transport, &all_down);
        CHECK(transport >= 1, "connection failure not queued");
        CHECK_INT(all_down, 0);
        rd_kafka_destroy(rk);

        /* ERROR events enabled: both are queued. */
        rk = producer(RD_KAFKA_EVENT_ERROR, 0);
        drain(rk, &transport, &all_down);
        CHECK(transport >= 1, "connection failure not queued (events)");
        CHECK_INT(all_down, 1);
        rd_kafka_destroy(rk);

        /* error_cb: served by rd_kafka_poll(). */
        rk = producer(0, 1);
        for (transport = 0; transport < 15 && !all_down_cb_calls; transport++)
                rd_kafka_poll(rk, 100);
        CHECK_INT(all_down_cb_calls, 1);
        rd_kafka_destroy(rk);

        TEST_DONE();
}
