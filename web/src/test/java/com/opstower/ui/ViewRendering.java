package com.opstower.ui;

import com.opstower.ui.layout.FieldErrors;
import java.util.HashMap;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a view with a plain Thymeleaf engine resolving it as Krazo does, with stand-ins for the
 * beans Krazo adds ({@code mvc}, {@code me}, {@code notice}).
 */
public final class ViewRendering {

  private static final TemplateEngine ENGINE = engine();

  private ViewRendering() {}

  private static TemplateEngine engine() {
    ClassLoaderTemplateResolver views = new ClassLoaderTemplateResolver();
    views.setPrefix("META-INF/resources/WEB-INF/views/");
    views.setSuffix(".html");
    views.setTemplateMode(TemplateMode.HTML);
    views.setCharacterEncoding("UTF-8");
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(views);
    engine.setLinkBuilder(
        new StandardLinkBuilder() {
          @Override
          protected String computeContextPath(
              IExpressionContext context, String base, Map<String, Object> parameters) {
            return "";
          }
        });
    return engine;
  }

  /** {@code view} without its {@code .html}, e.g. {@code tokens/list}. */
  public static String render(String view, Map<String, Object> models) {
    Context context = new Context();
    context.setVariable("mvc", Map.of("csrf", Map.of("name", "_csrf", "token", "t0ken")));
    context.setVariable("me", Map.of("name", "admin"));
    Map<String, Object> notice = new HashMap<>();
    notice.put("message", null);
    notice.put("error", false);
    notice.put("warning", null);
    context.setVariable("notice", notice);
    context.setVariable("errors", FieldErrors.none());
    context.setVariables(models);
    return ENGINE.process(view, context);
  }
}
