"""Page clean-up with OpenCV: sheet, perspective, orientation, deskew, light, binarisation.

Every function is pure: an image array in, an image array (or a measurement) out.
"""
