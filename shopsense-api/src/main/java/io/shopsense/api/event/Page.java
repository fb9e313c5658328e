package io.shopsense.api.event;

/**
 * A page view on the web ({@link EventType#PAGE}) or a screen view in an app ({@link EventType#SCREEN}).
 *
 * @param name       the page's name as the shop calls it, or null
 * @param category   the page's category, or null
 * @param info       url, path, title, referrer and search of the page (from properties, else context), or null
 * @param properties everything sent as properties
 */
public record Page(EventMeta meta, EventType type, String name, String category, PageInfo info, Properties properties)
    implements Event {

  public Page {
    if (type != EventType.PAGE && type != EventType.SCREEN) {
      throw new IllegalArgumentException("a page event is of type page or screen");
    }
    properties = properties == null ? Properties.EMPTY : properties;
  }

  @Override
  public String name() {
    return name == null ? "" : name;
  }

  /** The address of a page and how the visitor got there. */
  public record PageInfo(String url, String path, String title, String referrer, String search) {}
}
