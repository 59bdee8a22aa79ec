package dev.portcullis.oauth.application.jose;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/** The Ed25519 key and JWS of RFC 8037 Appendix A.1 and A.4. */
final class Rfc8037Example {

    /** RFC 8037 A.1: the private key. */
    static final OctetKeyPair KEY = new OctetKeyPair.Builder(Curve.Ed25519,
            new Base64URL("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"))
            .d(new Base64URL("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"))
            .build();

    /** RFC 8037 A.4: the payload, "Example of Ed25519 signing". */
    static final String PAYLOAD = "Example of Ed25519 signing";

    /** RFC 8037 A.4: the compact JWS with header {"alg":"EdDSA"}. */
    static final String JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
            + ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    private Rfc8037Example() {
    }
}
