/* Admin API: ACL bindings and filters, and the enum names. */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

int main(void) {
        char errstr[256];
        rd_kafka_AclBinding_t *acls[2];
        rd_kafka_AclBindingFilter_t *filter;

        acls[0] = rd_kafka_AclBinding_new(RD_KAFKA_RESOURCE_TOPIC, "t", RD_KAFKA_RESOURCE_PATTERN_LITERAL,
                                          "User:alice", "*", RD_KAFKA_ACL_OPERATION_READ,
                                          RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW, errstr, sizeof(errstr));
        acls[1] = rd_kafka_AclBinding_new(RD_KAFKA_RESOURCE_GROUP, "g", RD_KAFKA_RESOURCE_PATTERN_PREFIXED,
                                          "User:bob", "10.0.0.1", RD_KAFKA_ACL_OPERATION_DESCRIBE,
                                          RD_KAFKA_ACL_PERMISSION_TYPE_DENY, errstr, sizeof(errstr));
        CHECK(acls[0] && acls[1], "AclBinding_new: %s", errstr);
        CHECK_INT(rd_kafka_AclBinding_restype(acls[1]), RD_KAFKA_RESOURCE_GROUP);
        CHECK_STR(rd_kafka_AclBinding_name(acls[1]), "g");
        CHECK_INT(rd_kafka_AclBinding_resource_pattern_type(acls[1]), RD_KAFKA_RESOURCE_PATTERN_PREFIXED);
        CHECK_STR(rd_kafka_AclBinding_principal(acls[1]), "User:bob");
        CHECK_STR(rd_kafka_AclBinding_host(acls[1]), "10.0.0.1");
        CHECK_INT(rd_kafka_AclBinding_operation(acls[1]), RD_KAFKA_ACL_OPERATION_DESCRIBE);
        CHECK_INT(rd_kafka_AclBinding_permission_type(acls[1]), RD_KAFKA_ACL_PERMISSION_TYPE_DENY);
        CHECK(rd_kafka_AclBinding_error(acls[1]) == NULL, "no error");
        rd_kafka_AclBinding_destroy_array(acls, 2);

#define BAD_BINDING(RT, NAME, PT, PRINC, HOST, OP, PERM, MSG)                                   \
        do {                                                                                    \
                errstr[0] = '\0';                                                               \
                CHECK(rd_kafka_AclBinding_new(RT, NAME, PT, PRINC, HOST, OP, PERM, errstr,       \
                                              sizeof(errstr)) == NULL, "%s", MSG);              \
                CHECK_STR(errstr, MSG);                                                         \
        } while (0)
        BAD_BINDING(RD_KAFKA_RESOURCE_TOPIC, NULL, RD_KAFKA_RESOURCE_PATTERN_LITERAL, "p", "*",
                    RD_KAFKA_ACL_OPERATION_READ, RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW, "Invalid resource name");
        BAD_BINDING(RD_KAFKA_RESOURCE_TOPIC, "t", RD_KAFKA_RESOURCE_PATTERN_LITERAL, NULL, "*",
                    RD_KAFKA_ACL_OPERATION_READ, RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW, "Invalid principal");
        BAD_BINDING(RD_KAFKA_RESOURCE_TOPIC, "t", RD_KAFKA_RESOURCE_PATTERN_LITERAL, "p", NULL,
                    RD_KAFKA_ACL_OPERATION_READ, RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW, "Invalid host");
        BAD_BINDING(RD_KAFKA_RESOURCE_ANY, "t", RD_KAFKA_RESOURCE_PATTERN_LITERAL, "p", "*",
                    RD_KAFKA_ACL_OPERATION_READ, RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW, "Invalid resource type");
        BAD_BINDING(RD_KAFKA_RESOURCE_TOPIC, "t", RD_KAFKA_RESOURCE_PATTERN_MATCH, "p", "*",
                    RD_KAFKA_ACL_OPERATION_READ, RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW, "Invalid resource pattern type");
        BAD_BINDING(RD_KAFKA_RESOURCE_TOPIC, "t", RD_KAFKA_RESOURCE_PATTERN_LITERAL, "p", "*",
                    RD_KAFKA_ACL_OPERATION_UNKNOWN, RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW, "Invalid operation");
        BAD_BINDING(RD_KAFKA_RESOURCE_TOPIC, "t", RD_KAFKA_RESOURCE_PATTERN_LITERAL, "p", "*",
                    RD_KAFKA_ACL_OPERATION_READ, RD_KAFKA_ACL_PERMISSION_TYPE_ANY, "Invalid permission type");

        /* Filters accept ANY and NULL strings. */
        filter = rd_kafka_AclBindingFilter_new(RD_KAFKA_RESOURCE_ANY, NULL, RD_KAFKA_RESOURCE_PATTERN_ANY, NULL,
                                               NULL, RD_KAFKA_ACL_OPERATION_ANY, RD_KAFKA_ACL_PERMISSION_TYPE_ANY,
                                               errstr, sizeof(errstr));
        CHECK(filter != NULL, "filter: %s", errstr);
        CHECK(rd_kafka_AclBinding_name(filter) == NULL, "NULL name");
        CHECK(rd_kafka_AclBinding_host(filter) == NULL, "NULL host");
        CHECK_INT(rd_kafka_AclBinding_restype(filter), RD_KAFKA_RESOURCE_ANY);
        rd_kafka_AclBinding_destroy(filter);
        CHECK(rd_kafka_AclBindingFilter_new(RD_KAFKA_RESOURCE_UNKNOWN, NULL, RD_KAFKA_RESOURCE_PATTERN_ANY, NULL,
                                            NULL, RD_KAFKA_ACL_OPERATION_ANY, RD_KAFKA_ACL_PERMISSION_TYPE_ANY,
                                            errstr, sizeof(errstr)) == NULL, "UNKNOWN type");
        CHECK_STR(errstr, "Invalid resource type");
        rd_kafka_AclBinding_destroy(NULL);

        CHECK_STR(rd_kafka_AclOperation_name(RD_KAFKA_ACL_OPERATION_ALTER_CONFIGS), "ALTER_CONFIGS");
        CHECK_STR(rd_kafka_AclOperation_name(RD_KAFKA_ACL_OPERATION__CNT), "UNSUPPORTED");
        CHECK_STR(rd_kafka_AclPermissionType_name(RD_KAFKA_ACL_PERMISSION_TYPE_DENY), "DENY");
        CHECK_STR(rd_kafka_ResourcePatternType_name(RD_KAFKA_RESOURCE_PATTERN_MATCH), "MATCH");
        CHECK_STR(rd_kafka_ResourcePatternType_name((rd_kafka_ResourcePatternType_t)-3), "UNSUPPORTED");
        CHECK(rd_kafka_event_CreateAcls_result(NULL) == NULL, "cast NULL");
        TEST_DONE();
}
