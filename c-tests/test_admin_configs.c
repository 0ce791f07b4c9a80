/* Admin API: ConfigResource and ConfigEntry as request objects. */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

int main(void) {
        rd_kafka_ConfigResource_t *res[2];
        const rd_kafka_ConfigEntry_t **entries;
        rd_kafka_error_t *error;
        size_t cnt;

        CHECK(rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, NULL) == NULL, "NULL name");
        CHECK(rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, "") == NULL, "empty name");
        CHECK(rd_kafka_ConfigResource_new((rd_kafka_ResourceType_t)-1, "t") == NULL, "bad type");

        res[0] = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, "mytopic");
        res[1] = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_BROKER, "1");
        CHECK(res[0] && res[1], "ConfigResource_new");
        CHECK_INT(rd_kafka_ConfigResource_type(res[0]), RD_KAFKA_RESOURCE_TOPIC);
        CHECK_STR(rd_kafka_ConfigResource_name(res[0]), "mytopic");
        CHECK_INT(rd_kafka_ConfigResource_error(res[0]), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK(rd_kafka_ConfigResource_error_string(res[0]) == NULL, "no error string");
        cnt = 9;
        CHECK(rd_kafka_ConfigResource_configs(res[0], &cnt) == NULL, "no configs yet");
        CHECK_INT(cnt, 0);

        /* set_config: name and value required. */
        CHECK_INT(rd_kafka_ConfigResource_set_config(res[0], "retention.ms", "1000"), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_ConfigResource_set_config(res[0], "x", NULL), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_ConfigResource_set_config(res[0], "", "1"), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_ConfigResource_set_config(res[0], NULL, "1"), RD_KAFKA_RESP_ERR__INVALID_ARG);

        /* add_incremental_config: op type and value checks. */
        error = rd_kafka_ConfigResource_add_incremental_config(res[1], "log.cleaner.threads",
                                                               RD_KAFKA_ALTER_CONFIG_OP_TYPE__CNT, "2");
        CHECK_INT(rd_kafka_error_code(error), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_STR(rd_kafka_error_string(error), "Invalid alter config operation type");
        rd_kafka_error_destroy(error);
        error = rd_kafka_ConfigResource_add_incremental_config(res[1], NULL, RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET, "2");
        CHECK_STR(rd_kafka_error_string(error), "Config name is required");
        rd_kafka_error_destroy(error);
        error = rd_kafka_ConfigResource_add_incremental_config(res[1], "", RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET, "2");
        CHECK_STR(rd_kafka_error_string(error), "Config name mustn't be empty");
        rd_kafka_error_destroy(error);
        error = rd_kafka_ConfigResource_add_incremental_config(res[1], "a", RD_KAFKA_ALTER_CONFIG_OP_TYPE_SUBTRACT, NULL);
        CHECK_STR(rd_kafka_error_string(error), "Config value is required");
        rd_kafka_error_destroy(error);
        CHECK(rd_kafka_ConfigResource_add_incremental_config(res[1], "log.cleaner.threads",
                                                             RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET, "2") == NULL,
              "SET");
        CHECK(rd_kafka_ConfigResource_add_incremental_config(res[1], "old",
                                                             RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE, NULL) == NULL,
              "DELETE without value");

        entries = rd_kafka_ConfigResource_configs(res[1], &cnt);
        CHECK_INT(cnt, 2);
        if (cnt == 2) {
                CHECK_STR(rd_kafka_ConfigEntry_name(entries[0]), "log.cleaner.threads");
                CHECK_STR(rd_kafka_ConfigEntry_value(entries[0]), "2");
                CHECK_STR(rd_kafka_ConfigEntry_name(entries[1]), "old");
                CHECK(rd_kafka_ConfigEntry_value(entries[1]) == NULL, "deleted value");
                CHECK_INT(rd_kafka_ConfigEntry_source(entries[1]), RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG);
                CHECK_INT(rd_kafka_ConfigEntry_is_read_only(entries[1]), 0);
                CHECK_INT(rd_kafka_ConfigEntry_is_default(entries[1]), 0);
                CHECK_INT(rd_kafka_ConfigEntry_is_sensitive(entries[1]), 0);
                CHECK_INT(rd_kafka_ConfigEntry_is_synonym(entries[1]), 0);
                CHECK(rd_kafka_ConfigEntry_synonyms(entries[1], &cnt) == NULL, "no synonyms");
                CHECK_INT(cnt, 0);
        }

        CHECK_STR(rd_kafka_ConfigSource_name(RD_KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG), "STATIC_BROKER_CONFIG");
        CHECK_STR(rd_kafka_ConfigSource_name(RD_KAFKA_CONFIG_SOURCE__CNT), "UNSUPPORTED");
        CHECK_STR(rd_kafka_ResourceType_name(RD_KAFKA_RESOURCE_BROKER), "BROKER");
        CHECK_STR(rd_kafka_ResourceType_name(RD_KAFKA_RESOURCE__CNT), "UNSUPPORTED");

        rd_kafka_ConfigResource_destroy_array(res, 2);
        rd_kafka_ConfigResource_destroy(NULL);
        CHECK(rd_kafka_event_DescribeConfigs_result(NULL) == NULL, "cast NULL");
        TEST_DONE();
}
