/* Admin API: NewTopic, DeleteTopic, NewPartitions, TopicCollection, and the
 * result casts with no event. */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

int main(void) {
        char errstr[512];
        rd_kafka_NewTopic_t *nt[3];
        rd_kafka_DeleteTopic_t *dt[2];
        rd_kafka_NewPartitions_t *np[2];
        int32_t brokers[] = {1, 2, 3};

        /* NewTopic argument checks. */
        CHECK(rd_kafka_NewTopic_new(NULL, 1, 1, errstr, sizeof(errstr)) == NULL, "NULL topic");
        CHECK_STR(errstr, "Invalid topic name");
        CHECK(rd_kafka_NewTopic_new("t", -2, 1, errstr, sizeof(errstr)) == NULL, "partitions");
        CHECK_STR(errstr, "num_partitions out of expected range 1..100000 or -1 for broker default");
        CHECK(rd_kafka_NewTopic_new("t", 100001, 1, errstr, sizeof(errstr)) == NULL, "partitions");
        CHECK(rd_kafka_NewTopic_new("t", 1, 10001, errstr, sizeof(errstr)) == NULL, "rf");
        CHECK_STR(errstr, "replication_factor out of expected range -1..10000");
        CHECK(rd_kafka_NewTopic_new("t", 1, -2, errstr, sizeof(errstr)) == NULL, "rf");

        nt[0] = rd_kafka_NewTopic_new("a", 3, 2, errstr, sizeof(errstr));
        nt[1] = rd_kafka_NewTopic_new("b", 2, -1, errstr, sizeof(errstr));
        nt[2] = rd_kafka_NewTopic_new("c", -1, -1, errstr, sizeof(errstr));
        CHECK(nt[0] && nt[1] && nt[2], "NewTopic_new: %s", errstr);

        /* Replica assignment rules. */
        CHECK_INT(rd_kafka_NewTopic_set_replica_assignment(nt[0], 0, brokers, 2, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_STR(errstr, "Specifying a replication factor and a replica assignment are mutually exclusive");
        CHECK_INT(rd_kafka_NewTopic_set_replica_assignment(nt[2], 0, brokers, 2, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_STR(errstr, "Specifying a default partition count and a replica assignment are mutually exclusive");
        CHECK_INT(rd_kafka_NewTopic_set_replica_assignment(nt[1], 1, brokers, 2, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_STR(errstr, "Partitions must be added in order, starting at 0: expecting partition 0, not 1");
        CHECK_INT(rd_kafka_NewTopic_set_replica_assignment(nt[1], 0, brokers, 2, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_NewTopic_set_replica_assignment(nt[1], 1, brokers + 1, 2, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_NewTopic_set_replica_assignment(nt[1], 2, brokers, 10001, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_STR(errstr, "Too many brokers specified (RD_KAFKAP_BROKERS_MAX=10000)");

        /* Topic configs. */
        CHECK_INT(rd_kafka_NewTopic_set_config(nt[0], "cleanup.policy", "compact"), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_NewTopic_set_config(nt[0], "x", NULL), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_NewTopic_set_config(nt[0], NULL, "v"), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_NewTopic_set_config(NULL, "k", "v"), RD_KAFKA_RESP_ERR__INVALID_ARG);
        rd_kafka_NewTopic_destroy_array(nt, 3);
        rd_kafka_NewTopic_destroy(NULL);

        /* DeleteTopic. */
        CHECK(rd_kafka_DeleteTopic_new(NULL) == NULL, "NULL topic");
        dt[0] = rd_kafka_DeleteTopic_new("a");
        dt[1] = rd_kafka_DeleteTopic_new("b");
        CHECK(dt[0] && dt[1], "DeleteTopic_new");
        rd_kafka_DeleteTopic_destroy(dt[1]);
        rd_kafka_DeleteTopic_destroy_array(dt, 1);

        /* NewPartitions. */
        CHECK(rd_kafka_NewPartitions_new("t", 0, errstr, sizeof(errstr)) == NULL, "0 partitions");
        CHECK_STR(errstr, "new_total_cnt out of expected range 1..100000");
        CHECK(rd_kafka_NewPartitions_new("t", 100001, errstr, sizeof(errstr)) == NULL, "too many");
        np[0] = rd_kafka_NewPartitions_new("a", 5, errstr, sizeof(errstr));
        np[1] = rd_kafka_NewPartitions_new("b", 1, errstr, sizeof(errstr));
        CHECK(np[0] && np[1], "NewPartitions_new");
        CHECK_INT(rd_kafka_NewPartitions_set_replica_assignment(np[0], 1, brokers, 1, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_STR(errstr, "Partitions must be added in order, starting at 0: expecting partition index 0, not 1");
        CHECK_INT(rd_kafka_NewPartitions_set_replica_assignment(np[0], 0, brokers, 3, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_NewPartitions_set_replica_assignment(np[0], 1, brokers, 3, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_NewPartitions_destroy_array(np, 2);

        /* TopicCollection. */
        {
                const char *names[] = {"a", "b", NULL};
                rd_kafka_TopicCollection_t *tc = rd_kafka_TopicCollection_of_topic_names(names, 3);
                CHECK(tc != NULL, "TopicCollection");
                rd_kafka_TopicCollection_destroy(tc);
                tc = rd_kafka_TopicCollection_of_topic_names(NULL, 0);
                CHECK(tc != NULL, "empty TopicCollection");
                rd_kafka_TopicCollection_destroy(tc);
                rd_kafka_TopicCollection_destroy(NULL);
        }

        /* Result casts and accessors on no event. */
        {
                size_t cnt = 42;
                CHECK(rd_kafka_event_CreateTopics_result(NULL) == NULL, "cast NULL");
                CHECK(rd_kafka_event_DescribeTopics_result(NULL) == NULL, "cast NULL");
                CHECK(rd_kafka_CreateTopics_result_topics(NULL, &cnt) == NULL, "topics of NULL");
                CHECK_INT(cnt, 0);
                CHECK(rd_kafka_topic_result_name(NULL) == NULL, "name of NULL");
        }
        /* An operation not implemented yet answers at once on the queue
         * with _NOT_IMPLEMENTED and the options' opaque (no waiting). */
        {
                rd_kafka_conf_t *conf = rd_kafka_conf_new();
                rd_kafka_t *rk;
                rd_kafka_queue_t *q;
                rd_kafka_event_t *ev;
                rd_kafka_AdminOptions_t *o;
                rd_kafka_NewTopic_t *t1;
                size_t cnt = 7;
                int marker;
                rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof(errstr));
                rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof(errstr));
                rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
                CHECK(rk != NULL, "%s", errstr);
                q = rd_kafka_queue_new(rk);
                o = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
                rd_kafka_AdminOptions_set_opaque(o, &marker);
                t1 = rd_kafka_NewTopic_new("t", 1, 1, errstr, sizeof(errstr));
                rd_kafka_CreateTopics(rk, &t1, 1, o, q);
                ev = rd_kafka_queue_poll(q, 2000);
                CHECK(ev != NULL, "CreateTopics result event");
                if (ev) {
                        CHECK_INT(rd_kafka_event_type(ev), RD_KAFKA_EVENT_CREATETOPICS_RESULT);
                        CHECK_INT(rd_kafka_event_error(ev), RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED);
                        CHECK(rd_kafka_event_opaque(ev) == &marker, "opaque");
                        CHECK(rd_kafka_event_CreateTopics_result(ev) != NULL, "result cast");
                        CHECK(rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &cnt) == NULL || cnt == 0,
                              "no topic results");
                        CHECK_INT(cnt, 0);
                        rd_kafka_event_destroy(ev);
                }
                rd_kafka_NewTopic_destroy(t1);
                rd_kafka_AdminOptions_destroy(o);
                rd_kafka_queue_destroy(q);
                rd_kafka_destroy(rk);
        }
        TEST_DONE();
}
