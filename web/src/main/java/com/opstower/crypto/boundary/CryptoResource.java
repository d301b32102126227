package com.opstower.crypto.boundary;

import com.opstower.api.RequiresScope;
import com.opstower.connection.control.Reencryption;
import com.opstower.token.entity.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/crypto}: key rotation (scope {@code admin}). */
@Path("crypto")
@RequiresScope(Scope.ADMIN)
@Produces(MediaType.APPLICATION_JSON + "; charset=UTF-8")
@Tag(name = "Encryption keys")
public class CryptoResource {

  @Inject Reencryption reencryption;

  /** The contract's answer: {@code {"activeKey","reencrypted","remaining"}}. */
  public record ReencryptResult(String activeKey, int reencrypted, int remaining) {}

  @POST
  @Path("reencrypt")
  @Operation(
      summary = "Re-encrypt every stored secret under the active key",
      description = "Resumable and safe to run again; afterwards old keys can be removed.")
  public ReencryptResult reencrypt() {
    Reencryption.Result result = reencryption.run();
    return new ReencryptResult(result.activeKey(), result.reencrypted(), result.remaining());
  }
}
