package com.dealerops.lead;

import static com.dealerops.common.Texts.blankToNull;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import com.dealerops.common.error.ProblemException;
import com.dealerops.customer.Source;
import com.dealerops.lead.dto.LeadInput;
import com.dealerops.lead.dto.NewCustomer;
import com.dealerops.lead.dto.Timeframe;

/**
 * Reads an ADF 1.0 lead (the XML lead portals send) into a {@link LeadInput}. Every element and attribute that
 * maps to no lead field is returned by path, to be kept in the lead's source record.
 * <p>
 * Hostile XML is refused before anything is read from it: a document type declaration (the door to external
 * entities, XXE, and to entity expansion bombs) is a 400, and the body size is capped by the API's 1 MB limit.
 */
final class AdfParser {

    static final int MAX_UNMAPPED = 200;
    /**
     * A real ADF lead is a few kilobytes. The DOM of a megabyte of tiny elements would take tens of megabytes of a
     * small heap, so ADF documents get a lower limit than the API's 1 MB.
     */
    static final int MAX_CHARS = 64 * 1024;

    record Parsed(LeadInput input, Map<String, Object> unmapped) {
    }

    private final Set<Node> used = new HashSet<>();

    private AdfParser() {
    }

    static Parsed parse(String xml) {
        Document document = read(xml);
        return new AdfParser().map(document.getDocumentElement());
    }

    private static Document read(String xml) {
        if (xml == null || xml.isBlank()) {
            throw ProblemException.badRequest("The ADF document is empty");
        }
        if (xml.length() > MAX_CHARS) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "An ADF document may have at most " + MAX_CHARS / 1024 + " K characters; send one lead per request");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no messages on stderr; errors are thrown
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "document type declarations (DOCTYPE, entities) are not accepted"
                    : e.getMessage();
            throw ProblemException.badRequest("Malformed ADF XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + reason);
        } catch (SAXException | IOException e) {
            throw ProblemException.badRequest("Malformed ADF XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
    }

    private Parsed map(Element root) {
        if (!"adf".equals(root.getTagName())) {
            throw ProblemException.invalid("adf", "the root element must be <adf>, not <" + root.getTagName() + ">");
        }
        used.add(root);
        List<Element> prospects = children(root, "prospect");
        if (prospects.size() != 1) {
            throw ProblemException.invalid("adf/prospect", prospects.isEmpty() ? "an ADF lead needs a <prospect>"
                    : "send one <prospect> per request (" + prospects.size() + " given)");
        }
        Element prospect = use(prospects.get(0));
        use(prospect.getAttributeNode("status"));

        String providerLeadId = null;
        String provider = null;
        Element id = child(prospect, "id");
        if (id != null) {
            providerLeadId = blankToNull(text(use(id)));
            provider = blankToNull(id.getAttribute("source"));
            use(id.getAttributeNode("source"));
        }
        Element providerElement = child(prospect, "provider");
        if (providerElement != null) {
            String name = providerName(child(use(providerElement), "name"));
            if (provider == null) {
                provider = name;
            }
        }
        OffsetDateTime requestedAt = null;
        Element requestDate = child(prospect, "requestdate");
        if (requestDate != null) {
            try {
                requestedAt = OffsetDateTime.parse(text(requestDate).trim());
                use(requestDate);
            } catch (DateTimeParseException e) {
                // kept as unmapped: a date we cannot read is no reason to lose the lead
            }
        }

        List<VehicleInterest> interests = new ArrayList<>();
        TradeIn tradeIn = null;
        List<String> comments = new ArrayList<>();
        for (Element vehicle : children(prospect, "vehicle")) {
            use(vehicle);
            String interest = vehicle.getAttribute("interest");
            use(vehicle.getAttributeNode("interest"));
            if ("trade-in".equals(interest) || "sell".equals(interest)) {
                if (tradeIn == null) {
                    tradeIn = tradeIn(vehicle);
                }
            } else {
                interests.add(interest(vehicle));
                String vehicleComments = blankToNull(text(use(child(vehicle, "comments"))));
                if (vehicleComments != null) {
                    comments.add(vehicleComments);
                }
            }
        }
        if (interests.size() > 10) {
            throw ProblemException.invalid("adf/prospect/vehicle", "at most 10 vehicles of interest");
        }

        Element customer = child(prospect, "customer");
        if (customer == null) {
            throw ProblemException.invalid("adf/prospect/customer", "an ADF lead needs a <customer>");
        }
        use(customer);
        Element contact = child(customer, "contact");
        if (contact == null) {
            throw ProblemException.invalid("adf/prospect/customer/contact", "an ADF lead needs a <contact>");
        }
        use(contact);
        use(contact.getAttributeNode("primarycontact"));
        String name = contactName(children(contact, "name"));
        String phone = phone(children(contact, "phone"));
        String email = blankToNull(text(use(child(contact, "email"))));
        Timeframe timeframe = timeframe(child(customer, "timeframe"));
        String customerComments = blankToNull(text(use(child(customer, "comments"))));
        if (customerComments != null) {
            comments.add(0, customerComments);
        }
        String allComments = comments.isEmpty() ? null : String.join("\n", comments);
        if (allComments != null && allComments.length() > 4000) {
            allComments = allComments.substring(0, 4000);
        }

        LeadInput input = new LeadInput(null, null, new NewCustomer(name, phone, email),
                Source.THIRD_PARTY_PORTAL, provider, providerLeadId, interests, timeframe, tradeIn, allComments,
                null, null, requestedAt);
        Map<String, Object> unmapped = new LinkedHashMap<>();
        collectUnused(root, "adf", unmapped);
        return new Parsed(input, unmapped);
    }

    private VehicleInterest interest(Element vehicle) {
        String condition = vehicle.getAttribute("status");
        use(vehicle.getAttributeNode("status"));
        Element colours = child(vehicle, "colorcombination");
        String colour = null;
        if (colours != null) {
            colour = blankToNull(text(use(child(colours, "exteriorcolor"))));
            if (colour != null) {
                use(colours);
            }
        }
        return new VehicleInterest(required(vehicle, "make"), optional(vehicle, "model"), optional(vehicle, "trim"),
                colour, year(vehicle), "used".equalsIgnoreCase(condition) ? VehicleCondition.USED
                        : "new".equalsIgnoreCase(condition) ? VehicleCondition.NEW : null,
                null, null);
    }

    private TradeIn tradeIn(Element vehicle) {
        Integer kilometres = null;
        Element odometer = child(vehicle, "odometer");
        if (odometer != null) {
            try {
                BigDecimal reading = new BigDecimal(text(odometer).trim().replace(",", ""));
                String units = odometer.getAttribute("units");
                if ("mi".equalsIgnoreCase(units) || "miles".equalsIgnoreCase(units)) {
                    reading = reading.multiply(new BigDecimal("1.609344"));
                }
                kilometres = reading.intValue();
                use(odometer);
                use(odometer.getAttributeNode("units"));
            } catch (NumberFormatException e) {
                // kept as unmapped
            }
        }
        return new TradeIn(required(vehicle, "make"), optional(vehicle, "model"), year(vehicle), kilometres);
    }

    private Integer year(Element vehicle) {
        Element year = child(vehicle, "year");
        if (year == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text(year).trim());
            use(year);
            return value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Full name, or the parts in the order their script writes them: 王伟 but Wei Wang. */
    private String contactName(List<Element> names) {
        String full = null;
        String first = null;
        String middle = null;
        String last = null;
        for (Element name : names) {
            String part = name.getAttribute("part");
            String value = blankToNull(text(name));
            if (value == null) {
                continue;
            }
            use(name);
            use(name.getAttributeNode("part"));
            use(name.getAttributeNode("type"));
            switch (part) {
                case "first" -> first = value;
                case "middle" -> middle = value;
                case "last" -> last = value;
                default -> full = value;
            }
        }
        if (full != null) {
            return full;
        }
        if (first == null && last == null) {
            throw ProblemException.invalid("adf/prospect/customer/contact/name", "the contact needs a name");
        }
        boolean chinese = (last != null ? last : first).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        if (chinese) {
            return (last == null ? "" : last) + (first == null ? "" : first);
        }
        return String.join(" ", java.util.stream.Stream.of(first, middle, last)
                .filter(java.util.Objects::nonNull).toList());
    }

    private String providerName(Element name) {
        if (name == null) {
            return null;
        }
        use(name.getAttributeNode("part"));
        return blankToNull(text(use(name)));
    }

    /** A mobile number first (cellphone), else the first phone given. */
    private String phone(List<Element> phones) {
        Element chosen = phones.stream().filter(p -> "cellphone".equals(p.getAttribute("type"))).findFirst()
                .orElse(phones.isEmpty() ? null : phones.get(0));
        if (chosen == null) {
            return null;
        }
        use(chosen);
        use(chosen.getAttributeNode("type"));
        String number = text(chosen).replaceAll("[\\s()\\-.]", "");
        return number.isEmpty() ? null : number;
    }

    private Timeframe timeframe(Element timeframe) {
        if (timeframe == null) {
            return null;
        }
        LocalDate earliest = date(child(timeframe, "earliestdate"));
        LocalDate latest = date(child(timeframe, "latestdate"));
        if (earliest == null && latest == null) {
            return null;
        }
        use(timeframe);
        return new Timeframe(earliest, latest);
    }

    private LocalDate date(Element element) {
        if (element == null) {
            return null;
        }
        String value = text(element).trim();
        try {
            LocalDate date = value.length() > 10 ? OffsetDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
            use(element);
            return date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String required(Element vehicle, String tag) {
        String value = optional(vehicle, tag);
        if (value == null) {
            throw ProblemException.invalid("adf/prospect/vehicle/" + tag, "each vehicle needs a <" + tag + ">");
        }
        return value;
    }

    private String optional(Element parent, String tag) {
        String value = blankToNull(text(use(child(parent, tag))));
        if (value != null && value.length() > 60) {
            throw ProblemException.invalid("adf/prospect/vehicle/" + tag, "at most 60 characters");
        }
        return value;
    }

    private void collectUnused(Element element, String path, Map<String, Object> unmapped) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength() && unmapped.size() < MAX_UNMAPPED; i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!used.contains(attribute)) {
                unmapped.put(path + "/@" + attribute.getName(), attribute.getValue());
            }
        }
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        Map<String, Integer> siblings = new LinkedHashMap<>();
        children.forEach(child -> siblings.merge(child.getTagName(), 1, Integer::sum));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Element child : children) {
            if (unmapped.size() >= MAX_UNMAPPED) {
                return;
            }
            int index = seen.merge(child.getTagName(), 1, Integer::sum);
            String childPath = path + "/" + child.getTagName()
                    + (siblings.get(child.getTagName()) > 1 ? "[" + index + "]" : "");
            boolean leaf = children(child).isEmpty();
            if (leaf && !used.contains(child)) {
                String value = text(child).trim();
                if (!value.isEmpty()) {
                    unmapped.put(childPath, value.length() > 1000 ? value.substring(0, 1000) : value);
                }
            }
            collectUnused(child, childPath, unmapped);
        }
    }

    private <N extends Node> N use(N node) {
        if (node != null) {
            used.add(node);
        }
        return node;
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }

    private static List<Element> children(Element parent, String tag) {
        return children(parent).stream().filter(e -> e.getTagName().equals(tag)).toList();
    }

    private static Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        List<Element> matches = children(parent, tag);
        return matches.isEmpty() ? null : matches.get(0);
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent();
    }
}
