/* The mock cluster API (rdkafka_mock.h): creation, bootstraps, control
 * functions and their return codes, NULL safety, request tracking, rtt
 * and broker up/down observed with raw Kafka requests over TCP. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include "testutil.h"

static int64_t now_ms(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* "host:port" number idx (0-based) of a bootstrap list. */
static int broker_port(const char *bootstraps, int idx) {
        const char *p = bootstraps;
        for (int i = 0; i < idx && p; i++) {
                p = strchr(p, ',');
                if (p)
                        p++;
        }
        if (!p)
                return -1;
        const char *colon = strchr(p, ':');
        return colon ? atoi(colon + 1) : -1;
}

static int connect_port(int port) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        struct timeval tv = {.tv_sec = 5};
        sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        if (connect(fd, (struct sockaddr *)&sin, sizeof(sin))) {
                int e = errno;
                close(fd);
                errno = e;
                return -1;
        }
        return fd;
}

/* Sends ApiVersions v0 and reads the answer; returns its error code, or -1
 * if the connection failed or was closed. */
static int api_versions(int fd, int32_t corr) {
        unsigned char req[14] = {0, 0, 0, 10, 0, 18, 0, 0};
        unsigned char hdr[4], body[4096];
        uint32_t c = htonl((uint32_t)corr);
        memcpy(req + 8, &c, 4);
        req[12] = 0xff; /* client id: null */
        req[13] = 0xff;
        if (write(fd, req, sizeof(req)) != (ssize_t)sizeof(req))
                return -1;
        if (recv(fd, hdr, 4, MSG_WAITALL) != 4)
                return -1;
        uint32_t len = ntohl(*(uint32_t *)hdr);
        if (len < 6 || len > sizeof(body) || recv(fd, body, len, MSG_WAITALL) != (ssize_t)len)
                return -1;
        uint32_t rc;
        memcpy(&rc, body, 4);
        if ((int32_t)ntohl(rc) != corr)
                return -1;
        return (body[4] << 8) | body[5];
}

int main(void) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "rd_kafka_new: %s", errstr);

        /* NULL safety. */
        CHECK(rd_kafka_mock_cluster_bootstraps(NULL) == NULL, "bootstraps(NULL)");
        CHECK(rd_kafka_mock_cluster_handle(NULL) == NULL, "handle(NULL)");
        CHECK(rd_kafka_handle_mock_cluster(NULL) == NULL, "handle_mock_cluster(NULL)");
        CHECK(rd_kafka_handle_mock_cluster(rk) == NULL, "no test.mock.num.brokers cluster");
        CHECK_INT(rd_kafka_mock_topic_create(NULL, "t", 1, 1), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_mock_broker_set_down(NULL, 1), RD_KAFKA_RESP_ERR__INVALID_ARG);
        rd_kafka_mock_cluster_destroy(NULL);
        rd_kafka_mock_push_request_errors(NULL, 0, 1, RD_KAFKA_RESP_ERR__TRANSPORT);
        rd_kafka_mock_clear_request_errors(NULL, 0);
        CHECK(rd_kafka_mock_get_requests(NULL, NULL) == NULL, "get_requests(NULL)");
        rd_kafka_mock_request_destroy_array(NULL, 0);
        CHECK(rd_kafka_mock_cluster_new(rk, -1) == NULL, "negative broker count");

        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(rk, 3);
        CHECK(mc != NULL, "rd_kafka_mock_cluster_new");
        if (!mc)
                TEST_DONE();
        CHECK(rd_kafka_mock_cluster_handle(mc) == rk, "handle is the creating rk");
        const char *bs = rd_kafka_mock_cluster_bootstraps(mc);
        CHECK(bs && !strncmp(bs, "127.0.0.1:", 10), "bootstraps %s", bs ? bs : "(null)");
        int commas = 0;
        for (const char *p = bs; p && *p; p++)
                commas += *p == ',';
        CHECK_INT(commas, 2);
        int port1 = broker_port(bs, 0), port2 = broker_port(bs, 1);
        CHECK(port1 > 0 && port2 > 0 && port1 != port2, "ports %d %d", port1, port2);

        /* Topics. */
        CHECK_INT(rd_kafka_mock_topic_create(mc, "mt", 3, 2), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_topic_create(mc, "mt", 3, 2), RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS);
        CHECK_INT(rd_kafka_mock_topic_create(mc, "zero", 0, 1), RD_KAFKA_RESP_ERR_INVALID_PARTITIONS);
        CHECK_INT(rd_kafka_mock_topic_create(mc, "bad name!", 1, 1), RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION);
        CHECK_INT(rd_kafka_mock_topic_delete(mc, "nope"), RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);
        CHECK_INT(rd_kafka_mock_topic_create(mc, "gone", 1, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_topic_delete(mc, "gone"), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_topic_delete(mc, "gone"), RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);
        rd_kafka_mock_topic_set_error(mc, "mt", RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED);
        rd_kafka_mock_topic_set_error(mc, "mt", RD_KAFKA_RESP_ERR_NO_ERROR);

        /* Partitions. */
        CHECK_INT(rd_kafka_mock_partition_set_leader(mc, "mt", 0, 3), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_partition_set_leader(mc, "mt", 0, -1), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_partition_set_leader(mc, "mt", 0, 42), RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE);
        CHECK_INT(rd_kafka_mock_partition_set_leader(mc, "mt", 7, 1), RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);
        CHECK_INT(rd_kafka_mock_partition_set_leader(mc, "autocreated", 2, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_partition_set_follower(mc, "mt", 1, 99), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_partition_set_follower_wmarks(mc, "mt", 1, 0, 5), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_partition_set_follower_wmarks(mc, "mt", 1, -1, -1), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_partition_push_leader_response(mc, "mt", 2, 1, 9), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_partition_delete_records(mc, "mt", 0, 0), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_partition_delete_records(mc, "mt", 0, 10), RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE);
        CHECK_INT(rd_kafka_mock_partition_delete_records(mc, "nope", 0, 0), RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);
        CHECK_INT(rd_kafka_mock_partition_push_request_errors(mc, "mt", 0, 0, 2,
                                                              RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
                                                              RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_partition_push_request_errors(mc, "mt", 9, 0, 1, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT),
                  RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);

        /* Errors per broker. */
        size_t cnt = 99;
        CHECK_INT(rd_kafka_mock_broker_error_stack_cnt(mc, 1, 18, &cnt), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(cnt, 0);
        CHECK_INT(rd_kafka_mock_broker_push_request_error_rtts(mc, 1, 18, 2, RD_KAFKA_RESP_ERR_NO_ERROR, 300,
                                                               RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION, 0),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_broker_error_stack_cnt(mc, 1, 18, &cnt), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(cnt, 2);
        CHECK_INT(rd_kafka_mock_broker_error_stack_cnt(mc, 9, 18, &cnt), RD_KAFKA_RESP_ERR__UNKNOWN_BROKER);
        CHECK_INT(rd_kafka_mock_broker_error_stack_cnt(mc, 1, 18, NULL), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_mock_broker_push_request_error_rtts(mc, 9, 18, 1, RD_KAFKA_RESP_ERR_NO_ERROR, 0),
                  RD_KAFKA_RESP_ERR__UNKNOWN_BROKER);

        /* Request tracking, injected errors and rtts seen by a raw client. */
        rd_kafka_mock_start_request_tracking(mc);
        int fd = connect_port(port1);
        CHECK(fd >= 0, "connect to broker 1: %s", strerror(errno));
        int64_t t0 = now_ms();
        CHECK_INT(api_versions(fd, 1), 0);
        int64_t took = now_ms() - t0;
        CHECK(took >= 280, "injected rtt: answered after %lld ms", (long long)took);
        CHECK_INT(api_versions(fd, 2), RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION);
        CHECK_INT(rd_kafka_mock_broker_error_stack_cnt(mc, 1, 18, &cnt), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(cnt, 0);
        /* Cluster-wide errors, in order, then cleared. */
        rd_kafka_mock_push_request_errors(mc, 18, 2, RD_KAFKA_RESP_ERR_NOT_COORDINATOR,
                                          RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT);
        CHECK_INT(api_versions(fd, 3), RD_KAFKA_RESP_ERR_NOT_COORDINATOR);
        rd_kafka_resp_err_t errs[2] = {RD_KAFKA_RESP_ERR_INVALID_REQUEST, RD_KAFKA_RESP_ERR_INVALID_REQUEST};
        rd_kafka_mock_push_request_errors_array(mc, 18, 2, errs);
        CHECK_INT(api_versions(fd, 4), RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT);
        rd_kafka_mock_clear_request_errors(mc, 18);
        CHECK_INT(api_versions(fd, 5), 0);
        /* Broker rtt. */
        CHECK_INT(rd_kafka_mock_broker_set_rtt(mc, 1, 250), RD_KAFKA_RESP_ERR_NO_ERROR);
        t0 = now_ms();
        CHECK_INT(api_versions(fd, 6), 0);
        took = now_ms() - t0;
        CHECK(took >= 240, "rtt: answered after %lld ms", (long long)took);
        CHECK_INT(rd_kafka_mock_broker_set_rtt(mc, -1, 0), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_broker_set_rtt(mc, 17, 10), RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE);
        /* __TRANSPORT: the broker hangs up. */
        rd_kafka_mock_push_request_errors(mc, 18, 1, RD_KAFKA_RESP_ERR__TRANSPORT);
        CHECK_INT(api_versions(fd, 7), -1);
        close(fd);
        int fd2 = connect_port(port2);
        CHECK_INT(api_versions(fd2, 1), 0);
        close(fd2);

        size_t n = 0;
        rd_kafka_mock_request_t **reqs = rd_kafka_mock_get_requests(mc, &n);
        CHECK_INT(n, 8);
        for (size_t i = 0; reqs && i < n; i++) {
                CHECK_INT(rd_kafka_mock_request_api_key(reqs[i]), 18);
                CHECK_INT(rd_kafka_mock_request_id(reqs[i]), i < 7 ? 1 : 2);
                CHECK(rd_kafka_mock_request_timestamp(reqs[i]) > 0, "timestamp");
                if (i > 0)
                        CHECK(rd_kafka_mock_request_timestamp(reqs[i]) >=
                                  rd_kafka_mock_request_timestamp(reqs[i - 1]),
                              "timestamps in order");
        }
        rd_kafka_mock_request_destroy_array(reqs, n);
        rd_kafka_mock_clear_requests(mc);
        reqs = rd_kafka_mock_get_requests(mc, &n);
        CHECK(reqs == NULL && n == 0, "cleared");
        rd_kafka_mock_stop_request_tracking(mc);

        /* Broker down refuses connections, up accepts on the same port. */
        CHECK_INT(rd_kafka_mock_broker_set_down(mc, 2), RD_KAFKA_RESP_ERR_NO_ERROR);
        fd = connect_port(port2);
        CHECK(fd < 0 && errno == ECONNREFUSED, "broker 2 down: connect gave %d (%s)", fd, strerror(errno));
        if (fd >= 0)
                close(fd);
        CHECK_INT(rd_kafka_mock_broker_set_up(mc, 2), RD_KAFKA_RESP_ERR_NO_ERROR);
        fd = connect_port(port2);
        CHECK(fd >= 0, "broker 2 up again");
        CHECK_INT(api_versions(fd, 1), 0);
        close(fd);
        CHECK_INT(rd_kafka_mock_broker_set_down(mc, 8), RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE);

        /* Other broker and cluster settings. */
        CHECK_INT(rd_kafka_mock_broker_set_rack(mc, -1, "rack-a"), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_broker_set_rack(mc, 2, NULL), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_mock_broker_set_host_port(mc, 3, "localhost", 1234);
        CHECK_INT(rd_kafka_mock_broker_add(mc, 4), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_broker_add(mc, 4), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_mock_broker_remove_from_metadata(mc, 4), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_broker_decommission(mc, 4), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_broker_decommission(mc, 4), RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE);
        CHECK_INT(rd_kafka_mock_coordinator_set(mc, "group", "g", 2), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_coordinator_set(mc, "transaction", "t", 99), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_coordinator_set(mc, "bogus", "g", 2), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_mock_set_apiversion(mc, 3, 0, 4), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_set_apiversion(mc, 3, 0, 999), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_mock_set_apiversion(mc, 22, -1, -1), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_mock_set_controller_id(mc, -1);
        rd_kafka_mock_group_initial_rebalance_delay_ms(mc, 10);
        rd_kafka_mock_set_group_consumer_session_timeout_ms(mc, 10000);
        rd_kafka_mock_set_group_consumer_heartbeat_interval_ms(mc, 500);
        char *metrics[] = {"org.apache.kafka.", ""};
        CHECK_INT(rd_kafka_mock_telemetry_set_requested_metrics(mc, metrics, 2), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_telemetry_set_requested_metrics(mc, NULL, 0), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_telemetry_set_push_interval(mc, 1000), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_mock_telemetry_set_push_interval(mc, 0), RD_KAFKA_RESP_ERR__INVALID_ARG);

        /* KIP-848 target assignments. */
        char *members[] = {"m1", "m2"};
        rd_kafka_topic_partition_list_t *a[2];
        a[0] = rd_kafka_topic_partition_list_new(2);
        rd_kafka_topic_partition_list_add(a[0], "mt", 0);
        rd_kafka_topic_partition_list_add(a[0], "mt", 1);
        a[1] = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(a[1], "mt", 2);
        rd_kafka_mock_cgrp_consumer_target_assignment_t *ta =
            rd_kafka_mock_cgrp_consumer_target_assignment_new(members, 2, a);
        CHECK(ta != NULL, "target assignment");
        rd_kafka_mock_cgrp_consumer_target_assignment(mc, "grp", ta);
        rd_kafka_mock_cgrp_consumer_target_assignment(mc, "grp", NULL);
        rd_kafka_mock_cgrp_consumer_target_assignment_destroy(ta);
        rd_kafka_mock_cgrp_consumer_target_assignment_destroy(NULL);
        rd_kafka_topic_partition_list_destroy(a[0]);
        rd_kafka_topic_partition_list_destroy(a[1]);

        rd_kafka_mock_cluster_destroy(mc);
        /* The listeners are gone with the cluster. */
        fd = connect_port(port1);
        CHECK(fd < 0, "broker 1 still listening after destroy");
        if (fd >= 0)
                close(fd);

        /* Several clusters at once, and a cluster of zero brokers. */
        rd_kafka_mock_cluster_t *m1 = rd_kafka_mock_cluster_new(rk, 1);
        rd_kafka_mock_cluster_t *m2 = rd_kafka_mock_cluster_new(rk, 2);
        CHECK(m1 && m2 && strcmp(rd_kafka_mock_cluster_bootstraps(m1), rd_kafka_mock_cluster_bootstraps(m2)),
              "two clusters");
        rd_kafka_mock_cluster_destroy(m1);
        rd_kafka_mock_cluster_destroy(m2);
        rd_kafka_mock_cluster_t *m0 = rd_kafka_mock_cluster_new(rk, 0);
        CHECK(m0 && !strcmp(rd_kafka_mock_cluster_bootstraps(m0), ""), "empty cluster");
        rd_kafka_mock_cluster_destroy(m0);

        rd_kafka_destroy(rk);
        TEST_DONE();
}
