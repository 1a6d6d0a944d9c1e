package se.halsolage.chart;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class FastPngTest {
    @Test
    void decodesToTheSamePixelsWithTheDpiWritten() throws Exception {
        BufferedImage img = new BufferedImage(37, 11, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 37, 11);
        g.setColor(new Color(0x00, 0x57, 0xA8));
        g.drawLine(0, 10, 36, 0);
        g.dispose();
        img.setRGB(3, 4, 0x123456);
        byte[] png = FastPng.encode(img, 300);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(back.getWidth()).isEqualTo(37);
        assertThat(back.getHeight()).isEqualTo(11);
        for (int y = 0; y < 11; y++) {
            for (int x = 0; x < 37; x++) {
                assertThat(back.getRGB(x, y) & 0xffffff).as(x + "," + y).isEqualTo(img.getRGB(x, y) & 0xffffff);
            }
        }
        // pHYs: 300 dpi = 11 811 pixels per metre
        String s = new String(png, java.nio.charset.StandardCharsets.ISO_8859_1);
        int i = s.indexOf("pHYs") + 4;
        int ppm = ((png[i] & 0xff) << 24) | ((png[i + 1] & 0xff) << 16) | ((png[i + 2] & 0xff) << 8) | (png[i + 3] & 0xff);
        assertThat(ppm).isEqualTo(11811);
    }
}
