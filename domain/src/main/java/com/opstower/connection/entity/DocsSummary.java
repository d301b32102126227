package com.opstower.connection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last fetch of a connection's documentation found (docs/api.md "OpenAPI-aware
 * documentation"): the kind, the document's title, its operations (stored, so tool listings never
 * fetch), when, and a message. {@code source} is the documentation URL it was read from: a result
 * for a URL the connection no longer has is not kept.
 */
@Embeddable
public class DocsSummary {

  public static final int TITLE_MAX = 200;
  public static final int MESSAGE_MAX = 500;

  /**
   * Operations stored per connection; more are counted, not kept. Each cached connection carries
   * them, so they are kept few: a description shows about 50 of them anyway.
   */
  public static final int MAX_STORED_OPERATIONS = 500;

  /** Room for {@link #MAX_STORED_OPERATIONS} lines of method, path and summary. */
  public static final int CATALOGUE_COLUMN_MAX = 1_000_000;

  @Column(name = "docs_kind", length = 16)
  private String kind;

  @Column(name = "docs_title", length = TITLE_MAX)
  private String title;

  @Column(name = "docs_operations")
  private Integer operationCount;

  /** One operation per line: method, tab, path, tab, summary. */
  @Column(name = "docs_catalogue", length = CATALOGUE_COLUMN_MAX)
  private String catalogue;

  @Column(name = "docs_fetched_at")
  private Instant fetchedAt;

  @Column(name = "docs_message", length = MESSAGE_MAX)
  private String message;

  @Column(name = "docs_source", length = ConnectionLimits.DOCS_URL_MAX)
  private String source;

  @Transient private List<ApiOperation> operations;

  protected DocsSummary() {}

  /**
   * @param operations the operations found under the base path, in document order; at most {@link
   *     #MAX_STORED_OPERATIONS} are kept, {@code operationCount} tells how many there were
   */
  public DocsSummary(
      DocsKind kind,
      String title,
      List<ApiOperation> operations,
      int operationCount,
      Instant fetchedAt,
      String message,
      String source) {
    this.kind = kind.wire();
    this.title = cut(title, TITLE_MAX);
    List<ApiOperation> kept =
        List.copyOf(operations.subList(0, Math.min(operations.size(), MAX_STORED_OPERATIONS)));
    this.catalogue = kept.isEmpty() ? null : encode(kept);
    this.operationCount = kind == DocsKind.OPENAPI ? operationCount : null;
    this.fetchedAt = fetchedAt;
    this.message = cut(message, MESSAGE_MAX);
    this.source = source;
  }

  private static String encode(List<ApiOperation> operations) {
    StringBuilder text = new StringBuilder();
    for (ApiOperation operation : operations) {
      text.append(clean(operation.method()))
          .append('\t')
          .append(clean(operation.path()))
          .append('\t')
          .append(clean(operation.summary()))
          .append('\n');
    }
    return text.length() <= CATALOGUE_COLUMN_MAX ? text.toString() : fitting(text);
  }

  /** Whole lines only, within the column. */
  private static String fitting(StringBuilder text) {
    int end = text.lastIndexOf("\n", CATALOGUE_COLUMN_MAX - 1);
    return text.substring(0, end + 1);
  }

  private static String clean(String text) {
    return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** EclipseLink materialises an all-null embeddable as an object; this tells the two apart. */
  public boolean isPresent() {
    return kind != null;
  }

  public DocsKind kind() {
    return DocsKind.fromWire(kind).orElse(DocsKind.NONE);
  }

  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** How many operations the document has under the base path (null unless it is OpenAPI). */
  public Optional<Integer> operationCount() {
    return Optional.ofNullable(operationCount);
  }

  public List<ApiOperation> operations() {
    List<ApiOperation> parsed = operations;
    if (parsed == null) {
      parsed = decode(catalogue);
      operations = parsed;
    }
    return parsed;
  }

  private static List<ApiOperation> decode(String catalogue) {
    if (catalogue == null || catalogue.isEmpty()) {
      return List.of();
    }
    List<ApiOperation> decoded = new ArrayList<>();
    for (String line : catalogue.split("\n")) {
      String[] parts = line.split("\t", 3);
      if (parts.length >= 2) {
        decoded.add(new ApiOperation(parts[0], parts[1], parts.length == 3 ? parts[2] : ""));
      }
    }
    return List.copyOf(decoded);
  }

  /** The operations as stored (see the column); null when there are none. */
  public String catalogueColumn() {
    return catalogue;
  }

  public Instant fetchedAt() {
    return fetchedAt;
  }

  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  public Optional<String> source() {
    return Optional.ofNullable(source);
  }
}
