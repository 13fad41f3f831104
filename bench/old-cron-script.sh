#!/bin/sh
# The classic cron script connwatch replaces, as the benchmark runs it: the instance id with an IMDSv1 curl, then
# for web (80, 443) and db (3306) one `ss … | wc -l` per state and one `aws cloudwatch put-metric-data` per
# number. Only the endpoints differ: IMDS_ENDPOINT and CLOUDWATCH_ENDPOINT point at the loopback stand-ins.
set -eu
instance_id=$(curl -s "$IMDS_ENDPOINT/latest/meta-data/instance-id")
for state in established time-wait fin-wait-1 fin-wait-2; do
    metric=$(echo "$state" | tr -d -)
    web=$(ss -ant -o state "$state" "( sport = :80 or sport = :443 )" | wc -l)
    aws cloudwatch put-metric-data --endpoint-url "$CLOUDWATCH_ENDPOINT" --namespace "EC2:WEB-Services" \
        --metric-name "http-cons-$metric" --value "$web" --unit Count --dimensions "InstanceId=$instance_id"
    db=$(ss -ant -o state "$state" "( sport = :3306 )" | wc -l)
    aws cloudwatch put-metric-data --endpoint-url "$CLOUDWATCH_ENDPOINT" --namespace "EC2:Database-Services" \
        --metric-name "db-cons-$metric" --value "$db" --unit Count --dimensions "InstanceId=$instance_id"
done
