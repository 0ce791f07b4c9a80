/* Client handles, topic handles, queues and events without a broker. */
#include <fcntl.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include "testutil.h"

int main(void) {
        char errstr[512];
        rd_kafka_t *p, *c;
        rd_kafka_topic_t *t1, *t2;
        rd_kafka_queue_t *q1, *q2, *mainq;
        rd_kafka_event_t *ev;

        p = rd_kafka_new(RD_KAFKA_PRODUCER, NULL, errstr, sizeof(errstr));
        CHECK(p != NULL, "producer: %s", errstr);
        c = rd_kafka_new(RD_KAFKA_CONSUMER, NULL, errstr, sizeof(errstr));
        CHECK(c != NULL, "consumer: %s", errstr);
        CHECK(rd_kafka_new((rd_kafka_type_t)7, NULL, errstr, sizeof(errstr)) == NULL, "bad type accepted");
        CHECK_CONTAINS(errstr, "type");

        CHECK_INT(rd_kafka_type(p), RD_KAFKA_PRODUCER);
        CHECK_INT(rd_kafka_type(c), RD_KAFKA_CONSUMER);
        CHECK(!strncmp(rd_kafka_name(p), "rdkafka#producer-", 17), "%s", rd_kafka_name(p));
        CHECK(!strncmp(rd_kafka_name(c), "rdkafka#consumer-", 17), "%s", rd_kafka_name(c));
        CHECK(rd_kafka_memberid(c) == NULL, "member id before joining");
        CHECK(rd_kafka_opaque(p) == NULL, "opaque");

        /* Topic handles: one object per name, names kept. */
        t1 = rd_kafka_topic_new(p, "orders", NULL);
        t2 = rd_kafka_topic_new(p, "orders", NULL);
        CHECK(t1 && t1 == t2, "same topic, same handle");
        CHECK_STR(rd_kafka_topic_name(t1), "orders");
        CHECK_INT(rd_kafka_topic_partition_available(t1, 0), 0);
        rd_kafka_topic_destroy(t2);
        rd_kafka_topic_destroy(t1);
        CHECK(rd_kafka_topic_new(p, NULL, NULL) == NULL, "NULL topic name");
        CHECK_INT(rd_kafka_last_error(), RD_KAFKA_RESP_ERR__INVALID_ARG);

        /* Queues: empty polls time out; forwarding; yield. */
        q1 = rd_kafka_queue_new(p);
        q2 = rd_kafka_queue_new(p);
        mainq = rd_kafka_queue_get_main(p);
        CHECK_INT(rd_kafka_queue_length(q1), 0);
        CHECK(rd_kafka_queue_poll(q1, 10) == NULL, "empty queue returned an event");
        rd_kafka_queue_forward(q1, q2);
        rd_kafka_queue_forward(q1, NULL);
        rd_kafka_queue_yield(q1);
        CHECK(rd_kafka_queue_poll(q1, 1000) == NULL, "yielded poll");
        CHECK_INT(rd_kafka_poll(p, 0), 0);
        CHECK(rd_kafka_queue_get_consumer(p) == NULL, "producer has no consumer queue");
        rd_kafka_queue_destroy(rd_kafka_queue_get_consumer(c));
        rd_kafka_queue_destroy(q1);
        rd_kafka_queue_destroy(q2);
        rd_kafka_queue_destroy(mainq);

        /* Event accessors are NULL-safe. */
        ev = NULL;
        CHECK_INT(rd_kafka_event_type(ev), RD_KAFKA_EVENT_NONE);
        CHECK_STR(rd_kafka_event_name(ev), "(NONE)");
        CHECK(rd_kafka_event_error_string(ev) == NULL, "error string of NULL");
        rd_kafka_event_destroy(NULL);

        /* Fatal errors: raised once, reported as a fatal error event. */
        CHECK_INT(rd_kafka_fatal_error(p, errstr, sizeof(errstr)), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_test_fatal_error(p, RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER, "testing"),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_test_fatal_error(p, RD_KAFKA_RESP_ERR__FAIL, "again"),
                  RD_KAFKA_RESP_ERR__PREV_IN_PROGRESS);
        CHECK_INT(rd_kafka_fatal_error(p, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER);
        CHECK_CONTAINS(errstr, "testing");
        mainq = rd_kafka_queue_get_main(p);
        ev = rd_kafka_queue_poll(mainq, 1000);
        CHECK_INT(rd_kafka_event_type(ev), RD_KAFKA_EVENT_ERROR);
        CHECK_INT(rd_kafka_event_error(ev), RD_KAFKA_RESP_ERR__FATAL);
        CHECK_INT(rd_kafka_event_error_is_fatal(ev), 1);
        CHECK_CONTAINS(rd_kafka_event_error_string(ev), "testing");
        rd_kafka_event_destroy(ev);
        rd_kafka_queue_destroy(mainq);

        /* Without brokers nothing about the cluster is known. */
        CHECK(rd_kafka_clusterid(p, 0) == NULL, "cluster id without brokers");
        CHECK_INT(rd_kafka_controllerid(p, 0), -1);

        rd_kafka_destroy(c);
        rd_kafka_destroy(p);
        CHECK_INT(rd_kafka_wait_destroyed(1000), 0);
        TEST_DONE();
}
