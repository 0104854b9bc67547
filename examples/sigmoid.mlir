// A quantized sigmoid as PyTorch PT2E exports it through the quant dialect:
// dequantize, float sigmoid, quantize with PT2E's fixed sigmoid output
// parameters (scale 1/256, zero point -128).
func.func @sigmoid(%arg0: tensor<1x8x8x16x!quant.uniform<i8:f32, 0.0470588244497776:-4>>)
    -> tensor<1x8x8x16x!quant.uniform<i8:f32, 0.00390625:-128>> {
  %0 = quant.dcast %arg0 : tensor<1x8x8x16x!quant.uniform<i8:f32, 0.0470588244497776:-4>> to tensor<1x8x8x16xf32>
  %1 = tosa.sigmoid %0 : (tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  %2 = quant.qcast %1 : tensor<1x8x8x16xf32> to tensor<1x8x8x16x!quant.uniform<i8:f32, 0.00390625:-128>>
  return %2 : tensor<1x8x8x16x!quant.uniform<i8:f32, 0.00390625:-128>>
}
