package io.connwatch.runner;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment that points the AWS SDK in a connwatch child process at the tests' stand-ins, through the
 * standard variables, with fixed dummy credentials and without the machine's own AWS profile.
 */
final class StandInEnvironment {

    private StandInEnvironment() {
    }

    /**
     * The environment for CloudWatch at {@code cloudWatch}; instance metadata stays off, as {@link ConnwatchProcess}
     * sets it.
     *
     * @param cloudWatch the CloudWatch stand-in's endpoint
     * @param dir        a temporary folder; the AWS config and credentials files named there do not exist
     * @return a mutable map, for tests to add or override variables
     */
    static Map<String, String> of(URI cloudWatch, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        env.put("AWS_ENDPOINT_URL_CLOUDWATCH", cloudWatch.toString());
        // Never read the machine's own AWS profile.
        env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        return env;
    }

    /**
     * Like {@link #of(URI, Path)}, with instance metadata (IMDSv2) on and served at {@code imds}.
     *
     * @param cloudWatch the CloudWatch stand-in's endpoint
     * @param imds       the IMDS stand-in's endpoint
     * @param dir        a temporary folder
     * @return a mutable map
     */
    static Map<String, String> of(URI cloudWatch, URI imds, Path dir) {
        Map<String, String> env = of(cloudWatch, dir);
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "false");
        return env;
    }
}
