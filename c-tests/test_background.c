/* The background queue: served by a library thread with
 * background_event_cb; absent without the callback. */
#include <pthread.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static pthread_t main_thread;
static int seen_error, on_other_thread;

static void bg_cb(rd_kafka_t *rk, rd_kafka_event_t *ev, void *opaque) {
        (void)rk; (void)opaque;
        if (rd_kafka_event_type(ev) == RD_KAFKA_EVENT_ERROR &&
            rd_kafka_event_error(ev) == RD_KAFKA_RESP_ERR__FATAL) {
                __atomic_store_n(&on_other_thread, !pthread_equal(pthread_self(), main_thread), __ATOMIC_SEQ_CST);
                __atomic_store_n(&seen_error, 1, __ATOMIC_SEQ_CST);
        }
        rd_kafka_event_destroy(ev);
}

int main(void) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        rd_kafka_queue_t *bg, *mainq;
        int i;

        main_thread = pthread_self();
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, NULL, errstr, sizeof(errstr));
        CHECK(rd_kafka_queue_get_background(rk) == NULL, "background queue without callback");
        rd_kafka_destroy(rk);

        rd_kafka_conf_set_background_event_cb(conf, bg_cb);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        bg = rd_kafka_queue_get_background(rk);
        CHECK(bg != NULL, "no background queue");
        mainq = rd_kafka_queue_get_main(rk);
        rd_kafka_queue_forward(mainq, bg);
        CHECK_INT(rd_kafka_test_fatal_error(rk, RD_KAFKA_RESP_ERR__FAIL, "bg"), 0);
        for (i = 0; i < 100 && !__atomic_load_n(&seen_error, __ATOMIC_SEQ_CST); i++)
                usleep(10000);
        CHECK(seen_error, "background_event_cb not called");
        CHECK(on_other_thread, "background_event_cb called on the application's thread");
        rd_kafka_queue_destroy(mainq);
        rd_kafka_queue_destroy(bg);
        rd_kafka_destroy(rk);
        TEST_DONE();
}
