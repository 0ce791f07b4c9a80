/* Admin API: AdminOptions through the public API (which options apply to
 * which operation, value ranges, error codes and texts). */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static void check_applies(rd_kafka_admin_op_t op, int validate_only,
                          int operation_timeout, int stable,
                          int authops, int states, int isolation) {
        char errstr[256];
        rd_kafka_error_t *error;
        rd_kafka_consumer_group_state_t st[] = {RD_KAFKA_CONSUMER_GROUP_STATE_STABLE};
        rd_kafka_AdminOptions_t *o = rd_kafka_AdminOptions_new(NULL, op);

        CHECK(o != NULL, "op %d", (int)op);
        /* request_timeout and broker apply to every operation. */
        CHECK_INT(rd_kafka_AdminOptions_set_request_timeout(o, 5000, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_AdminOptions_set_broker(o, 1, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR_NO_ERROR);

        CHECK_INT(rd_kafka_AdminOptions_set_validate_only(o, 1, errstr, sizeof(errstr)),
                  validate_only ? RD_KAFKA_RESP_ERR_NO_ERROR : RD_KAFKA_RESP_ERR__INVALID_ARG);
        if (!validate_only)
                CHECK_STR(errstr, "\"validate_only\" is not supported for this operation");
        CHECK_INT(rd_kafka_AdminOptions_set_operation_timeout(o, 1000, errstr, sizeof(errstr)),
                  operation_timeout ? RD_KAFKA_RESP_ERR_NO_ERROR : RD_KAFKA_RESP_ERR__INVALID_ARG);

        error = rd_kafka_AdminOptions_set_require_stable_offsets(o, 1);
        CHECK((error == NULL) == !!stable, "op %d require_stable_offsets", (int)op);
        if (error) {
                CHECK_INT(rd_kafka_error_code(error), RD_KAFKA_RESP_ERR__INVALID_ARG);
                CHECK_STR(rd_kafka_error_string(error),
                          "\"require_stable_offsets\" is not supported for this operation");
                rd_kafka_error_destroy(error);
        }
        error = rd_kafka_AdminOptions_set_include_authorized_operations(o, 1);
        CHECK((error == NULL) == !!authops, "op %d include_authorized_operations", (int)op);
        rd_kafka_error_destroy(error);
        error = rd_kafka_AdminOptions_set_match_consumer_group_states(o, st, 1);
        CHECK((error == NULL) == !!states, "op %d match_consumer_group_states", (int)op);
        rd_kafka_error_destroy(error);
        error = rd_kafka_AdminOptions_set_isolation_level(o, RD_KAFKA_ISOLATION_LEVEL_READ_COMMITTED);
        CHECK((error == NULL) == !!isolation, "op %d isolation_level", (int)op);
        rd_kafka_error_destroy(error);
        rd_kafka_AdminOptions_set_opaque(o, (void *)o);
        rd_kafka_AdminOptions_destroy(o);
}

int main(void) {
        char errstr[256];
        rd_kafka_AdminOptions_t *o;
        rd_kafka_error_t *error;

        CHECK(rd_kafka_AdminOptions_new(NULL, (rd_kafka_admin_op_t)-1) == NULL, "negative op");
        CHECK(rd_kafka_AdminOptions_new(NULL, RD_KAFKA_ADMIN_OP__CNT) == NULL, "op out of range");

        /*            op                                         vo ot st ao sts iso */
        check_applies(RD_KAFKA_ADMIN_OP_ANY,                      1, 1, 1, 1, 1, 1);
        check_applies(RD_KAFKA_ADMIN_OP_CREATETOPICS,             1, 1, 0, 0, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_DELETETOPICS,             0, 1, 0, 0, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_CREATEPARTITIONS,         1, 1, 0, 0, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_ALTERCONFIGS,             1, 0, 0, 0, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS,  1, 0, 0, 0, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS,          0, 0, 0, 0, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_DELETERECORDS,            0, 1, 0, 0, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_LISTOFFSETS,              0, 1, 0, 0, 0, 1);
        check_applies(RD_KAFKA_ADMIN_OP_ELECTLEADERS,             0, 1, 0, 0, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS, 0, 0, 1, 0, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS,       0, 0, 0, 0, 1, 0);
        check_applies(RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS,   0, 0, 0, 1, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_DESCRIBETOPICS,           0, 0, 0, 1, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER,          0, 0, 0, 1, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_DELETEGROUPS,             0, 0, 0, 0, 0, 0);
        check_applies(RD_KAFKA_ADMIN_OP_CREATEACLS,               0, 0, 0, 0, 0, 0);

        /* Value ranges. */
        o = rd_kafka_AdminOptions_new(NULL, RD_KAFKA_ADMIN_OP_CREATETOPICS);
        CHECK_INT(rd_kafka_AdminOptions_set_request_timeout(o, -1, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_STR(errstr, "Invalid value type for \"request_timeout\": expecting integer in range 0..3600000");
        CHECK_INT(rd_kafka_AdminOptions_set_request_timeout(o, 3600001, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_AdminOptions_set_operation_timeout(o, -1, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_AdminOptions_set_operation_timeout(o, -2, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_STR(errstr, "Invalid value type for \"operation_timeout\": expecting integer in range -1..3600000");
        CHECK_INT(rd_kafka_AdminOptions_set_validate_only(o, 2, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_STR(errstr, "Invalid value type for \"validate_only\": expecting integer in range 0..1");
        CHECK_INT(rd_kafka_AdminOptions_set_broker(o, -1, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_STR(errstr, "Invalid value type for \"broker\": expecting integer in range 0..2147483647");
        /* A too small errstr buffer is truncated, not overrun. */
        {
                char small[8];
                memset(small, 'x', sizeof(small));
                CHECK_INT(rd_kafka_AdminOptions_set_broker(o, -1, small, sizeof(small)),
                          RD_KAFKA_RESP_ERR__INVALID_ARG);
                CHECK_STR(small, "Invalid");
                CHECK_INT(rd_kafka_AdminOptions_set_broker(o, -1, NULL, 0),
                          RD_KAFKA_RESP_ERR__INVALID_ARG);
        }
        rd_kafka_AdminOptions_destroy(o);

        /* Consumer group state and type filters. */
        o = rd_kafka_AdminOptions_new(NULL, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS);
        {
                rd_kafka_consumer_group_state_t bad[] = {RD_KAFKA_CONSUMER_GROUP_STATE__CNT};
                rd_kafka_consumer_group_state_t dup[] = {RD_KAFKA_CONSUMER_GROUP_STATE_DEAD,
                                                         RD_KAFKA_CONSUMER_GROUP_STATE_DEAD};
                rd_kafka_consumer_group_type_t unknown[] = {RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN};
                rd_kafka_consumer_group_type_t types[] = {RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER,
                                                          RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC};
                error = rd_kafka_AdminOptions_set_match_consumer_group_states(o, bad, 1);
                CHECK_STR(rd_kafka_error_string(error), "Invalid group state value");
                rd_kafka_error_destroy(error);
                error = rd_kafka_AdminOptions_set_match_consumer_group_states(o, dup, 2);
                CHECK_STR(rd_kafka_error_string(error), "Duplicate states not allowed");
                rd_kafka_error_destroy(error);
                error = rd_kafka_AdminOptions_set_match_consumer_group_types(o, unknown, 1);
                CHECK_INT(rd_kafka_error_code(error), RD_KAFKA_RESP_ERR__INVALID_ARG);
                CHECK_STR(rd_kafka_error_string(error), "UNKNOWN type is not allowed");
                rd_kafka_error_destroy(error);
                CHECK(rd_kafka_AdminOptions_set_match_consumer_group_types(o, types, 2) == NULL, "types");
                CHECK(rd_kafka_AdminOptions_set_match_consumer_group_states(o, NULL, 0) == NULL, "no states");
        }
        rd_kafka_AdminOptions_destroy(o);

        /* NULL is safe. */
        rd_kafka_AdminOptions_destroy(NULL);
        rd_kafka_AdminOptions_set_opaque(NULL, NULL);
        CHECK_INT(rd_kafka_AdminOptions_set_request_timeout(NULL, 1, errstr, sizeof(errstr)),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        error = rd_kafka_AdminOptions_set_isolation_level(NULL, 0);
        CHECK(error != NULL, "NULL options");
        rd_kafka_error_destroy(error);
        TEST_DONE();
}
