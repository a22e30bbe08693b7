package com.guitarstudio.lessons.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat answers itself, for a request it refuses before the application sees it (an address
 * with an encoded slash, backslash or NUL): a problem detail under {@code /api/} and {@code
 * /actuator/}, a short page elsewhere, like every other error of the service, instead of Tomcat's
 * own HTML report. It replaces the host's error report valve (Spring Boot installs Tomcat's).
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    ProblemReports problemReportsFromTomcat() {
        return new ProblemReports();
    }

    /** Runs after Spring Boot's own Tomcat settings, which install the valve this one replaces. */
    static final class ProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standard) {
                    // so that the host does not add Tomcat's own valve at start as well
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                host.getPipeline().addValve(new ProblemReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's error report, written as the service writes its errors. */
    public static class ProblemReportValve extends ErrorReportValve {

        static final String DETAIL = "This request cannot be read: its address holds an encoded slash, backslash"
                + " or NUL, or broken percent-encoding. Send the value another way";

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status == 400 ? DETAIL : title;
            String uri = request.getRequestURI();
            boolean api = uri != null && (uri.startsWith("/api/") || uri.startsWith("/actuator/"));
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentType(api ? "application/problem+json" : "text/html");
                Writer writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                writer.write(
                        api
                                ? "{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                                        + "\"}"
                                : "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                                        + " · Lesson service</title><link rel=\"stylesheet\" href=\"/css/app.css\">"
                                        + "</head><body><main id=\"main\"><h1>" + title + "</h1><p>" + detail
                                        + ".</p><p><a href=\"/admin/background-jobs\">Go to the background jobs"
                                        + " page</a></p></main></body></html>");
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client has gone; nothing to tell it
            }
        }
    }
}
