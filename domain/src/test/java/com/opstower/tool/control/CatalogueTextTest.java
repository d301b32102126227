package com.opstower.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.connection.entity.ApiOperation;
import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionDetails;
import com.opstower.connection.entity.DocsKind;
import com.opstower.connection.entity.DocsSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTextTest {

  private static final String DOCS = "https://api.example.com/openapi.json";

  private static final List<ApiOperation> BILLING =
      List.of(
          new ApiOperation("GET", "/invoices", "List invoices; query: customer (required), page"),
          new ApiOperation("POST", "/invoices", "Create an invoice"),
          new ApiOperation("GET", "/invoices/{id}", "Get one invoice"),
          new ApiOperation("DELETE", "/invoices/{id}", "Void an invoice"),
          new ApiOperation("GET", "/admin/keys", "List API keys"));

  private static Connection withCatalogue(
      CallPolicy policy, List<ApiOperation> operations, int count) {
    Connection connection =
        new Connection(
            new ConnectionDetails(
                "Billing",
                BaseUrl.parse("https://api.example.com/v1"),
                AuthType.NONE,
                null,
                DOCS,
                null,
                policy),
            null,
            Instant.now());
    assertTrue(
        connection.recordDocs(
            new DocsSummary(
                DocsKind.OPENAPI, "Billing 1", operations, count, Instant.now(), "ok", DOCS)));
    return connection;
  }

  private static String describe(Connection connection, int budget) {
    return ToolDefinitions.forConnections(
            List.of(connection), List.of("billing"), 8192, Duration.ofSeconds(15), budget)
        .get(0)
        .function()
        .description();
  }

  @Test
  void theDescriptionEndsWithOneLinePerOperation() {
    String text = describe(withCatalogue(CallPolicy.any(), BILLING, 5), 4000);
    assertTrue(
        text.endsWith(
            CatalogueText.HEADING
                + "\nGET /invoices — List invoices; query: customer (required), page"
                + "\nPOST /invoices — Create an invoice"
                + "\nGET /invoices/{id} — Get one invoice"
                + "\nDELETE /invoices/{id} — Void an invoice"
                + "\nGET /admin/keys — List API keys"),
        text);
  }

  @Test
  void onlyOperationsThePolicyAllowsAreListed() {
    String readOnly =
        describe(withCatalogue(CallPolicy.of(List.of("GET"), List.of()), BILLING, 5), 4000);
    assertTrue(readOnly.contains("\nGET /invoices/{id} — Get one invoice"), readOnly);
    assertFalse(readOnly.contains("POST /invoices"), readOnly);
    assertFalse(readOnly.contains("DELETE /invoices"), readOnly);

    String invoicesOnly =
        describe(
            withCatalogue(
                CallPolicy.of(CallPolicy.METHODS, List.of("/invoices", "/invoices/*")), BILLING, 5),
            4000);
    assertTrue(invoicesOnly.contains("DELETE /invoices/{id}"), invoicesOnly);
    assertFalse(invoicesOnly.contains("/admin/keys"), invoicesOnly);

    // a template is listed only when every value of it is allowed
    String oneInvoice =
        describe(
            withCatalogue(CallPolicy.of(List.of("GET"), List.of("/invoices/42")), BILLING, 5),
            4000);
    assertFalse(oneInvoice.contains(CatalogueText.HEADING), oneInvoice);
  }

  @Test
  void theCatalogueStaysWithinItsBudgetAndSaysHowManyMoreThereAre() {
    List<ApiOperation> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add(new ApiOperation("GET", "/reports/r" + i, "Report number " + i));
    }
    Connection connection = withCatalogue(CallPolicy.any(), many, 500);
    String without = describe(withCatalogue(CallPolicy.any(), List.of(), 0), 4000);
    String text = describe(connection, 4000);
    String catalogue = text.substring(text.indexOf(CatalogueText.HEADING));
    assertTrue(catalogue.length() <= 4000, "catalogue of " + catalogue.length());
    assertTrue(catalogue.length() > 3900, "catalogue of " + catalogue.length());
    int listed = (int) catalogue.lines().filter(line -> line.startsWith("GET /reports/")).count();
    assertTrue(catalogue.endsWith("\n… and " + (500 - listed) + " more operations"), catalogue);
    assertFalse(without.contains(CatalogueText.HEADING));
  }

  @Test
  void operationsCountedButNotStoredAreIncludedInTheRest() {
    String text = describe(withCatalogue(CallPolicy.any(), BILLING, 2_400), 4000);
    assertTrue(
        text.endsWith("\nGET /admin/keys — List API keys\n… and 2395 more operations"), text);
  }

  @Test
  void aBudgetOfZeroTurnsTheCatalogueOff() {
    assertFalse(
        describe(withCatalogue(CallPolicy.any(), BILLING, 5), 0).contains(CatalogueText.HEADING));
  }

  @Test
  void aCatalogueReadForAnotherUrlIsNotKept() {
    Connection connection = withCatalogue(CallPolicy.any(), BILLING, 5);
    assertFalse(
        connection.recordDocs(
            new DocsSummary(
                DocsKind.OPENAPI,
                "Old",
                BILLING,
                5,
                Instant.now(),
                "ok",
                "https://old.example/spec")));
    assertEquals("Billing 1", connection.docs().orElseThrow().title().orElseThrow());
  }

  @Test
  void theStoredCatalogueReadsBackTheSame() {
    DocsSummary summary =
        new DocsSummary(DocsKind.OPENAPI, "t", BILLING, 5, Instant.now(), "ok", DOCS);
    assertEquals(BILLING, summary.operations());
  }
}
