/**
 * Host identity: the values of {@code ${ec2:…}} placeholders, from the EC2 instance metadata service (IMDSv2 only,
 * through the AWS SDK's {@code imds} client), asked lazily, once per process, and bounded in time off EC2.
 *
 * <p>Internal to the connwatch runner, not public API.
 */
package io.connwatch.runner.identity;
