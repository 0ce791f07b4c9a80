/* Group calls answer as librdkafka's do, without a broker:
 *  - on a group consumer after rd_kafka_consumer_close(): a second close,
 *    subscribe, unsubscribe, commit (sync, async, queue), committed,
 *    subscription and assignment give _DESTROY (a sync commit used to hang
 *    and a second close returned no error); assign() and position() still
 *    work; rebalance_protocol() and consumer_group_metadata() give NULL;
 *  - on a consumer without group.id and on a producer, every group call
 *    gives _UNKNOWN_GROUP (not _INVALID_ARG), consumer_poll() returns an
 *    _UNKNOWN_GROUP error message;
 *  - consumer_close_queue() needs a queue (_INVALID_ARG), a group
 *    (_UNKNOWN_GROUP), and an open consumer (_DESTROY).
 * The same program passes on librdkafka 2.16:
 *   cc -I build/include c-tests/test_group_calls.c -o /tmp/gc \
 *      build/reference-librdkafka/librdkafka.so.1 && /tmp/gc */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static int is_ferrokafka(void) {
        return strstr(rd_kafka_version_str(), "ferrokafka") != NULL;
}

static rd_kafka_t *client(rd_kafka_type_t type, const char *group) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof(errstr));
        if (group)
                rd_kafka_conf_set(conf, "group.id", group, errstr, sizeof(errstr));
        rk = rd_kafka_new(type, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "rd_kafka_new: %s", errstr);
        return rk;
}

static rd_kafka_resp_err_t code_of(rd_kafka_error_t *error) {
        rd_kafka_resp_err_t err = error ? rd_kafka_error_code(error) : RD_KAFKA_RESP_ERR_NO_ERROR;
        if (error)
                rd_kafka_error_destroy(error);
        return err;
}

/* The calls that need a consumer group, each expected to give `want`. */
static void group_calls(rd_kafka_t *rk, rd_kafka_resp_err_t want, const char *what) {
        rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1), *out = NULL;
        rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(l, "t", 0)->offset = 5;
        rd_kafka_topic_partition_list_add(topics, "t", RD_KAFKA_PARTITION_UA);
        fprintf(stderr, "-- %s\n", what);
        CHECK_INT(rd_kafka_subscribe(rk, topics), want);
        CHECK_INT(rd_kafka_unsubscribe(rk), want);
        CHECK_INT(rd_kafka_subscription(rk, &out), want);
        CHECK(out == NULL, "subscription list");
        CHECK_INT(rd_kafka_assignment(rk, &out), want);
        CHECK(out == NULL, "assignment list");
        CHECK_INT(rd_kafka_commit(rk, l, 0), want);
        /* An async commit that cannot happen: librdkafka accepts it and
         * drops it silently; we say so at once (docs/differences.md). */
        CHECK_INT(rd_kafka_commit(rk, l, 1),
                  want == RD_KAFKA_RESP_ERR__DESTROY && !is_ferrokafka() ? RD_KAFKA_RESP_ERR_NO_ERROR : want);
        CHECK_INT(rd_kafka_commit(rk, NULL, 0), want);
        CHECK_INT(rd_kafka_commit_queue(rk, l, NULL, NULL, NULL), want);
        CHECK_INT(rd_kafka_committed(rk, l, 100), want);
        CHECK_INT(rd_kafka_consumer_close(rk), want);
        rd_kafka_topic_partition_list_destroy(l);
        rd_kafka_topic_partition_list_destroy(topics);
}

/* What a client without a consumer group answers. */
static void no_group(rd_kafka_t *rk) {
        rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
        rd_kafka_message_t *m;
        rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
        char *mid;
        rd_kafka_topic_partition_list_add(l, "t", 0)->offset = 5;
        group_calls(rk, RD_KAFKA_RESP_ERR__UNKNOWN_GROUP, "no group");
        CHECK_INT(rd_kafka_assign(rk, l), RD_KAFKA_RESP_ERR__UNKNOWN_GROUP);
        CHECK_INT(rd_kafka_assign(rk, NULL), RD_KAFKA_RESP_ERR__UNKNOWN_GROUP);
        CHECK_INT(code_of(rd_kafka_incremental_assign(rk, l)), RD_KAFKA_RESP_ERR__UNKNOWN_GROUP);
        CHECK_INT(code_of(rd_kafka_incremental_unassign(rk, l)), RD_KAFKA_RESP_ERR__UNKNOWN_GROUP);
        CHECK_INT(code_of(rd_kafka_consumer_close_queue(rk, NULL)), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(code_of(rd_kafka_consumer_close_queue(rk, q)), RD_KAFKA_RESP_ERR__UNKNOWN_GROUP);
        CHECK_INT(rd_kafka_consumer_close(rk), RD_KAFKA_RESP_ERR__UNKNOWN_GROUP);
        CHECK_INT(rd_kafka_consumer_closed(rk), 0);
        CHECK_INT(rd_kafka_position(rk, l), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_assignment_lost(rk), 0);
        CHECK(rd_kafka_rebalance_protocol(rk) == NULL, "rebalance_protocol should be NULL");
        CHECK(rd_kafka_consumer_group_metadata(rk) == NULL, "group metadata should be NULL");
        mid = rd_kafka_memberid(rk);
        CHECK(mid == NULL, "memberid should be NULL");
        m = rd_kafka_consumer_poll(rk, 10);
        CHECK(m != NULL, "consumer_poll without a group returns an error message");
        if (m) {
                CHECK_INT(m->err, RD_KAFKA_RESP_ERR__UNKNOWN_GROUP);
                rd_kafka_message_destroy(m);
        }
        rd_kafka_queue_destroy(q);
        rd_kafka_topic_partition_list_destroy(l);
}

int main(void) {
        rd_kafka_t *rk;
        rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
        rd_kafka_queue_t *q;
        rd_kafka_message_t *m;
        rd_kafka_topic_partition_list_add(l, "t", 0)->offset = 5;

        /* A group consumer, closed. */
        rk = client(RD_KAFKA_CONSUMER, "g");
        CHECK(rd_kafka_rebalance_protocol(rk) != NULL, "rebalance_protocol of an open consumer");
        CHECK_INT(rd_kafka_consumer_close(rk), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_consumer_closed(rk), 1);
        group_calls(rk, RD_KAFKA_RESP_ERR__DESTROY, "closed");
        CHECK_INT(rd_kafka_assign(rk, l), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_assign(rk, NULL), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_position(rk, l), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK(rd_kafka_rebalance_protocol(rk) == NULL, "rebalance_protocol after close");
        CHECK(rd_kafka_consumer_group_metadata(rk) == NULL, "group metadata after close");
        m = rd_kafka_consumer_poll(rk, 10);
        CHECK(m == NULL, "poll after close");
        q = rd_kafka_queue_new(rk);
        CHECK_INT(code_of(rd_kafka_consumer_close_queue(rk, NULL)), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(code_of(rd_kafka_consumer_close_queue(rk, q)), RD_KAFKA_RESP_ERR__DESTROY);
        rd_kafka_queue_destroy(q);
        rd_kafka_destroy(rk);

        /* Closed through a queue, then closed again. */
        rk = client(RD_KAFKA_CONSUMER, "g");
        q = rd_kafka_queue_new(rk);
        CHECK_INT(code_of(rd_kafka_consumer_close_queue(rk, q)), RD_KAFKA_RESP_ERR_NO_ERROR);
        for (int i = 0; i < 200 && !rd_kafka_consumer_closed(rk); i++) {
                rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 50);
                if (ev)
                        rd_kafka_event_destroy(ev);
        }
        CHECK_INT(rd_kafka_consumer_closed(rk), 1);
        CHECK_INT(rd_kafka_consumer_close(rk), RD_KAFKA_RESP_ERR__DESTROY);
        CHECK_INT(code_of(rd_kafka_consumer_close_queue(rk, q)), RD_KAFKA_RESP_ERR__DESTROY);
        rd_kafka_queue_destroy(q);
        rd_kafka_destroy(rk);

        /* No consumer group: a consumer without group.id, a producer. */
        rk = client(RD_KAFKA_CONSUMER, NULL);
        no_group(rk);
        rd_kafka_destroy(rk);
        rk = client(RD_KAFKA_PRODUCER, NULL);
        no_group(rk);
        rd_kafka_destroy(rk);

        rd_kafka_topic_partition_list_destroy(l);
        TEST_DONE();
}
