/* Message accessors reachable without a client: the ones that only read the
 * public fields, NULL handling, and share-consumer batches. (Messages made
 * by the library are covered by the Rust unit tests of src/abi/message.rs.) */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

int main(void) {
        rd_kafka_message_t m;
        rd_kafka_timestamp_type_t tstype;
        char errtext[] = "consumer error text";

        /* errstr: NULL without error, the payload string for consumer
         * errors, else the description of the code. */
        memset(&m, 0, sizeof(m));
        CHECK(rd_kafka_message_errstr(&m) == NULL, "no error, no errstr");
        m.err     = RD_KAFKA_RESP_ERR__PARTITION_EOF;
        m.payload = errtext;
        m.len     = strlen(errtext);
        CHECK(rd_kafka_message_errstr(&m) == errtext, "payload is errstr");
        m.payload = NULL;
        m.len     = 0;
        CHECK_STR(rd_kafka_message_errstr(&m),
                  rd_kafka_err2str(RD_KAFKA_RESP_ERR__PARTITION_EOF));

        /* timestamp of an errored message: not available. */
        tstype = RD_KAFKA_TIMESTAMP_CREATE_TIME;
        CHECK_INT(rd_kafka_message_timestamp(&m, &tstype), -1);
        CHECK_INT(tstype, RD_KAFKA_TIMESTAMP_NOT_AVAILABLE);
        CHECK_INT(rd_kafka_message_timestamp(&m, NULL), -1);

        /* NULL messages get the "unknown" answers. */
        tstype = RD_KAFKA_TIMESTAMP_CREATE_TIME;
        CHECK_INT(rd_kafka_message_timestamp(NULL, &tstype), -1);
        CHECK_INT(tstype, RD_KAFKA_TIMESTAMP_NOT_AVAILABLE);
        CHECK(rd_kafka_message_errstr(NULL) == NULL, "errstr(NULL)");
        CHECK(rd_kafka_message_produce_errstr(NULL) == NULL, "produce_errstr(NULL)");
        CHECK_INT(rd_kafka_message_latency(NULL), -1);
        CHECK_INT(rd_kafka_message_broker_id(NULL), -1);
        CHECK_INT(rd_kafka_message_leader_epoch(NULL), -1);
        CHECK_INT(rd_kafka_message_status(NULL), RD_KAFKA_MSG_STATUS_NOT_PERSISTED);
        CHECK_INT(rd_kafka_message_delivery_count(NULL), 0);
        rd_kafka_message_destroy(NULL);

        /* Share-consumer batches: NULL is an empty batch. */
        CHECK_INT(rd_kafka_messages_count(NULL), 0);
        CHECK(rd_kafka_messages_get(NULL, 0) == NULL, "get(NULL)");
        rd_kafka_messages_destroy(NULL);

        TEST_DONE();
}
