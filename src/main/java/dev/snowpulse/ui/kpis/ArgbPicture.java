package dev.snowpulse.ui.kpis;

import java.awt.image.BufferedImage;

/** A picture's pixels, copied off the screen on the FX thread, so that encoding it can happen elsewhere. */
public record ArgbPicture(int width, int height, int[] argb) {

    public ArgbPicture {
        if (width < 0 || height < 0 || argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + " x " + height + " picture needs " + width * height + " pixels, not " + argb.length);
        }
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }
}
