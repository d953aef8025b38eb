package io.synapse.plugins.kits.dataset.convert;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Pascal VOC annotation files ({@code Annotations/<stem>.xml}): written from and read into {@link Annotation}s with
 * the JDK's XML tools; reading refuses DOCTYPEs and external entities, and files above {@link #MAX_BYTES}.
 */
final class PascalXml {
  /** The largest annotation file read. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private PascalXml() {}

  /** One image's annotation. */
  record Annotation(String filename, int width, int height, int depth, List<Box> objects) {}

  /** One object's class and box, in pixels. */
  record Box(String name, int xmin, int ymin, int xmax, int ymax) {}

  static void write(Annotation annotation, Path file) throws IOException {
    try {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element root = doc.createElement("annotation");
      doc.appendChild(root);
      text(doc, root, "folder", "JPEGImages");
      text(doc, root, "filename", annotation.filename());
      text(doc, root, "path", "JPEGImages/" + annotation.filename());
      Element source = child(doc, root, "source");
      text(doc, source, "database", "Unknown");
      Element size = child(doc, root, "size");
      text(doc, size, "width", Integer.toString(annotation.width()));
      text(doc, size, "height", Integer.toString(annotation.height()));
      text(doc, size, "depth", Integer.toString(annotation.depth()));
      text(doc, root, "segmented", "0");
      for (Box box : annotation.objects()) {
        Element object = child(doc, root, "object");
        text(doc, object, "name", box.name());
        text(doc, object, "pose", "Unspecified");
        text(doc, object, "truncated", "0");
        text(doc, object, "difficult", "0");
        Element bndbox = child(doc, object, "bndbox");
        text(doc, bndbox, "xmin", Integer.toString(box.xmin()));
        text(doc, bndbox, "ymin", Integer.toString(box.ymin()));
        text(doc, bndbox, "xmax", Integer.toString(box.xmax()));
        text(doc, bndbox, "ymax", Integer.toString(box.ymax()));
      }
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      Files.createDirectories(file.getParent());
      Files.writeString(file, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + out.toString().replace("\r\n", "\n").strip() + "\n",
          StandardCharsets.UTF_8);
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IOException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads an annotation file.
   *
   * @throws IllegalArgumentException naming what is wrong with the file (not XML, a DOCTYPE, no filename, a box
   *     that is not four whole numbers)
   */
  static Annotation read(Path file) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException("larger than " + MAX_BYTES + " bytes");
    }
    Document doc;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      doc = builder.parse(file.toFile());
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalArgumentException("not a Pascal VOC XML file (" + e.getClass().getSimpleName() + ")");
    }
    Element root = doc.getDocumentElement();
    if (!"annotation".equals(root.getTagName())) {
      throw new IllegalArgumentException("the root element is <" + root.getTagName() + ">, not <annotation>");
    }
    String filename = childText(root, "filename");
    if (filename == null || filename.isBlank()) {
      throw new IllegalArgumentException("it has no <filename>");
    }
    Element size = firstChild(root, "size");
    int width = size == null ? 0 : whole(childText(size, "width"), "width");
    int height = size == null ? 0 : whole(childText(size, "height"), "height");
    int depth = size == null || childText(size, "depth") == null ? 3 : whole(childText(size, "depth"), "depth");
    List<Box> boxes = new ArrayList<>();
    NodeList objects = root.getElementsByTagName("object");
    for (int i = 0; i < objects.getLength(); i++) {
      Element object = (Element) objects.item(i);
      Element bndbox = firstChild(object, "bndbox");
      String name = childText(object, "name");
      if (bndbox == null || name == null || name.isBlank()) {
        throw new IllegalArgumentException("object " + (i + 1) + " has no <name> or no <bndbox>");
      }
      boxes.add(new Box(name.strip(), whole(childText(bndbox, "xmin"), "xmin"), whole(childText(bndbox, "ymin"), "ymin"),
          whole(childText(bndbox, "xmax"), "xmax"), whole(childText(bndbox, "ymax"), "ymax")));
    }
    return new Annotation(filename.strip(), width, height, depth, boxes);
  }

  private static int whole(String text, String what) {
    if (text == null) {
      throw new IllegalArgumentException("<" + what + "> is missing");
    }
    try {
      double value = Double.parseDouble(text.strip());
      if (!Double.isFinite(value) || Math.abs(value) > 1_000_000) {
        throw new NumberFormatException();
      }
      return (int) Math.round(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("<" + what + "> is not a number");
    }
  }

  private static Element firstChild(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String childText(Element parent, String name) {
    Element child = firstChild(parent, name);
    return child == null ? null : child.getTextContent();
  }

  private static Element child(Document doc, Element parent, String name) {
    Element element = doc.createElement(name);
    parent.appendChild(element);
    return element;
  }

  private static void text(Document doc, Element parent, String name, String value) {
    child(doc, parent, name).setTextContent(value);
  }
}
