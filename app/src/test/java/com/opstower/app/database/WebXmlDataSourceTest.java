package com.opstower.app.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The datasource of {@code WEB-INF/web.xml} is written out by hand: its names must be the ones the
 * rest of the application uses, or the WAR deploys against the wrong database or not at all.
 */
class WebXmlDataSourceTest {

  private static Document read(String file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(Path.of(file).toFile());
  }

  private static String text(Element parent, String tag) {
    NodeList found = parent.getElementsByTagNameNS("*", tag);
    return found.getLength() == 0 ? null : found.item(0).getTextContent().trim();
  }

  private static Element dataSource() throws Exception {
    NodeList sources =
        read("src/main/webapp/WEB-INF/web.xml").getElementsByTagNameNS("*", "data-source");
    assertEquals(1, sources.getLength(), "one datasource");
    return (Element) sources.item(0);
  }

  @Test
  void itIsThePersistenceUnitsDataSourceMadeByConfiguredDataSource() throws Exception {
    Element source = dataSource();
    String unitsSource =
        read("src/main/resources/META-INF/persistence.xml")
            .getElementsByTagNameNS("*", "jta-data-source")
            .item(0)
            .getTextContent()
            .trim();
    assertEquals(unitsSource, text(source, "name"));
    assertEquals(ConfiguredDataSource.class.getName(), text(source, "class-name"));
  }

  @Test
  void itsPlaceholdersNameTheDocumentedSettings() throws Exception {
    Element source = dataSource();
    assertEquals("${MPCONFIG=" + Settings.DB_USER + ":}", text(source, "user"));
    assertEquals("${MPCONFIG=" + Settings.DB_PASSWORD + ":}", text(source, "password"));
    Map<String, String> properties = new HashMap<>();
    NodeList listed = source.getElementsByTagNameNS("*", "property");
    for (int i = 0; i < listed.getLength(); i++) {
      Element property = (Element) listed.item(i);
      properties.put(text(property, "name"), text(property, "value"));
    }
    assertEquals("${MPCONFIG=" + Settings.DB_URL + ":}", properties.get("url"));
    assertEquals(
        "${MPCONFIG=" + Settings.DATA_DIR + ":" + Settings.DATA_DIR_DEFAULT + "}",
        properties.get("dataDir"));
    for (String name : properties.keySet()) {
      if (!name.startsWith("fish.payara.")) {
        String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        assertTrue(
            hasSetter(setter), "ConfiguredDataSource has " + setter + " for the property " + name);
      }
    }
  }

  private static boolean hasSetter(String name) {
    try {
      ConfiguredDataSource.class.getMethod(name, String.class);
      return true;
    } catch (NoSuchMethodException absent) {
      return false;
    }
  }
}
