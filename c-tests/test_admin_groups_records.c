/* Admin API: group, record, offset, leader election and SCRAM request
 * objects. */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

int main(void) {
        rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(2);
        rd_kafka_DeleteGroup_t *dg[2];
        rd_kafka_ListConsumerGroupOffsets_t *lo[2];
        rd_kafka_AlterConsumerGroupOffsets_t *ao[1];
        rd_kafka_DeleteConsumerGroupOffsets_t *dco[1];
        rd_kafka_DeleteRecords_t *dr[1];
        rd_kafka_ElectLeaders_t *el;
        rd_kafka_UserScramCredentialAlteration_t *alt[3];
        const unsigned char pw[] = "pencil";
        const unsigned char salt[] = "saltsalt";

        rd_kafka_topic_partition_list_add(parts, "t", 0)->offset = 10;
        rd_kafka_topic_partition_list_add(parts, "t", 1)->offset = 20;

        CHECK(rd_kafka_DeleteGroup_new(NULL) == NULL, "NULL group");
        dg[0] = rd_kafka_DeleteGroup_new("g1");
        dg[1] = rd_kafka_DeleteGroup_new("g2");
        CHECK(dg[0] && dg[1], "DeleteGroup_new");
        rd_kafka_DeleteGroup_destroy_array(dg, 2);

        lo[0] = rd_kafka_ListConsumerGroupOffsets_new("g", NULL);
        lo[1] = rd_kafka_ListConsumerGroupOffsets_new("g", parts);
        CHECK(lo[0] && lo[1], "ListConsumerGroupOffsets_new");
        CHECK(rd_kafka_ListConsumerGroupOffsets_new(NULL, parts) == NULL, "NULL group");
        rd_kafka_ListConsumerGroupOffsets_destroy(lo[1]);
        rd_kafka_ListConsumerGroupOffsets_destroy_array(lo, 1);

        ao[0] = rd_kafka_AlterConsumerGroupOffsets_new("g", parts);
        CHECK(ao[0] != NULL, "AlterConsumerGroupOffsets_new");
        CHECK(rd_kafka_AlterConsumerGroupOffsets_new("g", NULL) == NULL, "NULL partitions");
        rd_kafka_AlterConsumerGroupOffsets_destroy_array(ao, 1);

        dco[0] = rd_kafka_DeleteConsumerGroupOffsets_new("g", parts);
        CHECK(dco[0] != NULL, "DeleteConsumerGroupOffsets_new");
        CHECK(rd_kafka_DeleteConsumerGroupOffsets_new(NULL, parts) == NULL, "NULL group");
        rd_kafka_DeleteConsumerGroupOffsets_destroy_array(dco, 1);

        dr[0] = rd_kafka_DeleteRecords_new(parts);
        CHECK(dr[0] != NULL, "DeleteRecords_new");
        CHECK(rd_kafka_DeleteRecords_new(NULL) == NULL, "NULL offsets");
        rd_kafka_DeleteRecords_destroy_array(dr, 1);

        el = rd_kafka_ElectLeaders_new(RD_KAFKA_ELECTION_TYPE_PREFERRED, parts);
        CHECK(el != NULL, "ElectLeaders_new");
        rd_kafka_ElectLeaders_destroy(el);
        el = rd_kafka_ElectLeaders_new(RD_KAFKA_ELECTION_TYPE_UNCLEAN, NULL);
        CHECK(el != NULL, "ElectLeaders_new all partitions");
        rd_kafka_ElectLeaders_destroy(el);

        /* The request objects hold copies: the list may go away. */
        rd_kafka_topic_partition_list_destroy(parts);

        alt[0] = rd_kafka_UserScramCredentialUpsertion_new("alice", RD_KAFKA_SCRAM_MECHANISM_SHA_256, 4096, pw,
                                                           sizeof(pw) - 1, salt, sizeof(salt) - 1);
        alt[1] = rd_kafka_UserScramCredentialUpsertion_new("bob", RD_KAFKA_SCRAM_MECHANISM_SHA_512, 8192, pw,
                                                           sizeof(pw) - 1, NULL, 0);
        alt[2] = rd_kafka_UserScramCredentialDeletion_new("carol", RD_KAFKA_SCRAM_MECHANISM_SHA_256);
        CHECK(alt[0] && alt[1] && alt[2], "SCRAM alterations");
        rd_kafka_UserScramCredentialAlteration_destroy(alt[2]);
        rd_kafka_UserScramCredentialAlteration_destroy_array(alt, 2);
        rd_kafka_UserScramCredentialAlteration_destroy(NULL);

        /* Nothing to read without an event. */
        CHECK(rd_kafka_event_DeleteRecords_result(NULL) == NULL, "cast NULL");
        CHECK(rd_kafka_DeleteRecords_result_offsets(NULL) == NULL, "offsets of NULL");
        CHECK(rd_kafka_event_ElectLeaders_result(NULL) == NULL, "cast NULL");
        CHECK(rd_kafka_group_result_name(NULL) == NULL, "name of NULL");
        TEST_DONE();
}
