package com.guitarstudio.lessons;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request written byte for byte, for what {@link TestHttp}'s client refuses to send:
 * header bytes that are not text, a Host header of the test's choosing.
 */
public final class RawHttp {

    private RawHttp() {}

    /** The answer: its status and everything it said, headers included, read as ISO-8859-1. */
    public record Answer(int status, String text) {}

    public static byte[] header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] header(String name, byte[] value) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes((name + ": ").getBytes(StandardCharsets.US_ASCII));
        line.writeBytes(value);
        line.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return line.toByteArray();
    }

    /** Sends {@code method path} with {@code headers} (Host: localhost unless one of them is a Host). */
    public static Answer send(int port, String method, String path, byte[]... headers) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
            boolean host = false;
            for (byte[] header : headers) {
                host |= new String(header, StandardCharsets.ISO_8859_1).regionMatches(true, 0, "Host:", 0, 5);
                out.write(header);
            }
            if (!host) {
                out.write(header("Host", "localhost"));
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
